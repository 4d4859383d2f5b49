import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FindingCodeSchema, type FindingCode, type Role } from '../../contract/policy.ts';
import type { AuthorizationFacts } from './authorization-facts.ts';
import { evaluateAuthorization, findingsForUnresolved } from './evaluate-authorization.ts';
import { SEVERITY_OF } from './finding.ts';
import { makeEntry, makeFacts, makeObject } from './testing/policy-fixtures.ts';

const exch01 = makeObject({ name: 'EXCH01', kind: 'computer' });
const exch02 = makeObject({ name: 'EXCH02', kind: 'computer' });
const helper = makeObject({ name: 'svc-exchange-helper', kind: 'user' });
const exchangeServers = makeObject({ name: 'Exchange Servers', kind: 'group', group: { scope: 'universal', security: true } });
const staff = makeObject({ name: 'All Contoso Staff', kind: 'group', group: { scope: 'universal', security: false } });
const spCentral = makeObject({ name: 'svc-sp-central', kind: 'user' });
const sp2010 = makeObject({ name: 'SP2010', kind: 'computer' });
const fs01 = makeObject({ name: 'FS01', kind: 'computer' });
const fsOld = makeObject({ name: 'FSOLD', kind: 'computer', disabled: true });
const fciGroup = makeObject({ name: 'FCI File Servers', kind: 'group' });
const oldGroup = makeObject({ name: 'Old File Servers', kind: 'group' });
const domainUsers = makeObject({ name: 'Domain Users', kind: 'group', sid: 'S-1-5-21-1-2-3-513', broadPrincipal: { name: 'Domain Users', reason: 'broad' } });
const authenticatedUsers = makeObject({
  name: 'Authenticated Users',
  kind: 'foreign-principal',
  sid: 'S-1-5-11',
  broadPrincipal: { name: 'Authenticated Users', reason: 'broad' },
});
const emptyGroup = makeObject({ name: 'Empty Group', kind: 'group' });
const rmscon01 = makeObject({ name: 'RMSCON01', kind: 'computer' });
const disabledUser = makeObject({ name: 'disabled.user', kind: 'user', disabled: true });

const codesOf = (facts: AuthorizationFacts) => evaluateAuthorization(facts).map((found) => found.code);

describe('evaluateAuthorization', () => {
  it.each<[string, AuthorizationFacts, FindingCode]>([
    ['a user for Exchange', makeFacts('exchange', helper), 'EXCHANGE_REQUIRES_SECURITY_GROUP'],
    ['a computer for Exchange', makeFacts('exchange', exch01), 'EXCHANGE_REQUIRES_SECURITY_GROUP'],
    ['a distribution group for Exchange', makeFacts('exchange', staff), 'EXCHANGE_REQUIRES_SECURITY_GROUP'],
    ['any Exchange grant', makeFacts('exchange', exchangeServers, { members: [exch01] }), 'SUPER_USER_GRANT'],
    ['a user inside the Exchange group', makeFacts('exchange', exchangeServers, { members: [exch01, helper] }), 'SUPER_USER_NON_SERVER_MEMBER'],
    ['a SharePoint computer account', makeFacts('sharepoint', sp2010), 'SHAREPOINT_COMPUTER_NEEDS_GROUP'],
    ['a SharePoint service account', makeFacts('sharepoint', spCentral), 'SHAREPOINT_BOTH_ACCOUNTS'],
    ['a user for FCI', makeFacts('fci', spCentral), 'FCI_REQUIRES_COMPUTER_ACCOUNTS'],
    ['an FCI group with a user in it', makeFacts('fci', fciGroup, { members: [fs01, helper] }), 'FCI_GROUP_NON_COMPUTER_MEMBER'],
    ['a distribution group for SharePoint', makeFacts('sharepoint', staff), 'DISTRIBUTION_GROUP'],
    ['a distribution group for FCI', makeFacts('fci', staff), 'DISTRIBUTION_GROUP'],
    ['any group', makeFacts('fci', fciGroup, { members: [fs01] }), 'GROUP_SHARES_CERTIFICATES'],
    ['Domain Users for SharePoint', makeFacts('sharepoint', domainUsers), 'BROAD_PRINCIPAL'],
    ['Authenticated Users for FCI', makeFacts('fci', authenticatedUsers), 'BROAD_PRINCIPAL'],
    ['Domain Users nested in an Exchange group', makeFacts('exchange', exchangeServers, { members: [exch01, domainUsers] }), 'BROAD_PRINCIPAL'],
    ['the same SID and role again', makeFacts('fci', fciGroup, { members: [fs01], list: [makeEntry(fciGroup, 'fci', [fs01])] }), 'ALREADY_AUTHORIZED'],
    ['a server already in another entry', makeFacts('fci', fs01, { list: [makeEntry(fciGroup, 'fci', [fs01])] }), 'OVERLAPPING_ENTRY'],
    [
      'the same SID under another role',
      makeFacts('sharepoint', fciGroup, { members: [fs01], list: [makeEntry(fciGroup, 'fci', [fs01])] }),
      'OVERLAPPING_ENTRY',
    ],
    ['a disabled account', makeFacts('sharepoint', disabledUser), 'ACCOUNT_DISABLED'],
    ['a group whose only servers are disabled', makeFacts('fci', oldGroup, { members: [fsOld] }), 'ACCOUNT_DISABLED'],
    ['a connector node itself', makeFacts('fci', rmscon01, { connectorNodes: [rmscon01] }), 'CONNECTOR_HOST'],
    ['a group holding a connector node', makeFacts('fci', fciGroup, { members: [fs01, rmscon01], connectorNodes: [rmscon01] }), 'CONNECTOR_HOST'],
    ['an empty group', makeFacts('exchange', emptyGroup), 'EMPTY_GROUP'],
    ['a group of empty groups', makeFacts('fci', fciGroup, { members: [emptyGroup] }), 'EMPTY_GROUP'],
    ['a managed service account for FCI', makeFacts('fci', makeObject({ name: 'msa-sp01$', kind: 'service-account' })), 'FCI_REQUIRES_COMPUTER_ACCOUNTS'],
    ['a SharePoint group whose accounts are all disabled', makeFacts('sharepoint', fciGroup, { members: [disabledUser] }), 'ACCOUNT_DISABLED'],
    ['a single file server', makeFacts('fci', fs01), 'PREFER_GROUP'],
  ])('reports %s', (_label, facts, code) => {
    expect(codesOf(facts)).toContain(code);
  });

  it.each<[string, AuthorizationFacts, FindingCode]>([
    ['the Exchange Servers group', makeFacts('exchange', exchangeServers, { members: [exch01, exch02] }), 'EXCHANGE_REQUIRES_SECURITY_GROUP'],
    ['an Exchange group of servers only', makeFacts('exchange', exchangeServers, { members: [exch01, exch02] }), 'SUPER_USER_NON_SERVER_MEMBER'],
    ['any SharePoint grant', makeFacts('sharepoint', spCentral), 'SUPER_USER_GRANT'],
    ['a SharePoint service account', makeFacts('sharepoint', spCentral), 'SHAREPOINT_COMPUTER_NEEDS_GROUP'],
    ['a computer for FCI', makeFacts('fci', fs01), 'FCI_REQUIRES_COMPUTER_ACCOUNTS'],
    ['an FCI group of computers', makeFacts('fci', fciGroup, { members: [fs01] }), 'FCI_GROUP_NON_COMPUTER_MEMBER'],
    ['a security group for FCI', makeFacts('fci', fciGroup, { members: [fs01] }), 'DISTRIBUTION_GROUP'],
    ['a single account', makeFacts('fci', fs01), 'GROUP_SHARES_CERTIFICATES'],
    ['a broad group for SharePoint only nested', makeFacts('sharepoint', fciGroup, { members: [domainUsers] }), 'BROAD_PRINCIPAL'],
    [
      'the same SID under another role',
      makeFacts('sharepoint', fciGroup, { members: [fs01], list: [makeEntry(fciGroup, 'fci', [fs01])] }),
      'ALREADY_AUTHORIZED',
    ],
    ['a list without shared accounts', makeFacts('fci', fs01, { list: [makeEntry(exchangeServers, 'exchange', [exch01])] }), 'OVERLAPPING_ENTRY'],
    [
      'the identical entry (already authorized, not an overlap)',
      makeFacts('fci', fciGroup, { members: [fs01], list: [makeEntry(fciGroup, 'fci', [fs01])] }),
      'OVERLAPPING_ENTRY',
    ],
    ['a group with one enabled server', makeFacts('fci', fciGroup, { members: [fs01, fsOld] }), 'ACCOUNT_DISABLED'],
    ['a server that is not a connector node', makeFacts('fci', fs01, { connectorNodes: [rmscon01] }), 'CONNECTOR_HOST'],
    ['a group with members', makeFacts('fci', fciGroup, { members: [fs01] }), 'EMPTY_GROUP'],
    ['an FCI group', makeFacts('fci', fciGroup, { members: [fs01] }), 'PREFER_GROUP'],
    ['a SharePoint group', makeFacts('sharepoint', fciGroup, { members: [spCentral] }), 'SHAREPOINT_BOTH_ACCOUNTS'],
    ['a distribution group for Exchange (the error says it)', makeFacts('exchange', staff, { members: [helper] }), 'DISTRIBUTION_GROUP'],
    ['a user for SharePoint', makeFacts('sharepoint', spCentral), 'FCI_REQUIRES_COMPUTER_ACCOUNTS'],
  ])('does not report for %s the code %s', (_label, facts, code) => {
    expect(codesOf(facts)).not.toContain(code);
  });

  it('lists who becomes a super user, and puts errors before warnings and infos', () => {
    const findings = evaluateAuthorization(makeFacts('exchange', exchangeServers, { members: [exch01, helper, domainUsers] }));
    expect(findings.map((found) => [found.code, found.severity, found.accounts.map((account) => account.name)])).toEqual([
      ['BROAD_PRINCIPAL', 'error', ['CORP\\Domain Users']],
      ['SUPER_USER_GRANT', 'warning', ['CORP\\EXCH01$', 'CORP\\svc-exchange-helper']],
      ['SUPER_USER_NON_SERVER_MEMBER', 'warning', ['CORP\\svc-exchange-helper']],
      ['GROUP_SHARES_CERTIFICATES', 'info', ['CORP\\Exchange Servers']],
    ]);
  });

  it.each<Role>(['exchange', 'sharepoint', 'fci'])('writes every %s message as whole sentences naming the account', (role) => {
    const findings = evaluateAuthorization(makeFacts(role, exchangeServers, { members: [exch01, helper] }));
    expect(findings.every((found) => /^[A-Z"].+\.$/.test(found.message) && !/undefined|\[object/.test(found.message))).toBe(true);
  });
});

describe('the finding code tables', () => {
  it('give every published code a severity and a documented row', () => {
    const documented = readFileSync('docs/finding-codes.md', 'utf8');
    const missing = FindingCodeSchema.options.filter((code) => !documented.includes(`| \`${code}\` | ${SEVERITY_OF[code]} |`));
    expect(missing).toEqual([]);
  });
});

describe('findingsForUnresolved', () => {
  it('reports a missing name and an ambiguous one with its candidates', () => {
    const missing = findingsForUnresolved({ status: 'not-found', input: 'nobody', reason: 'No object matches this name.' });
    const ambiguous = findingsForUnresolved({ status: 'ambiguous', input: 'John Smith', candidates: [helper, spCentral] });
    expect([...missing, ...ambiguous].map((found) => [found.code, found.severity, found.accounts.length])).toEqual([
      ['NOT_FOUND', 'error', 0],
      ['AMBIGUOUS_NAME', 'error', 2],
    ]);
  });
});
