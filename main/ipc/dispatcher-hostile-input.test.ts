import { describe, expect, it } from 'vitest';
import type { IpcChannel } from '../../contract/ipc.ts';
import { makeObject } from '../../core/policy/testing/policy-fixtures.ts';
import { createTestConsole, signInRequest, type TestConsole } from './testing/test-console.ts';

const operationId = () => crypto.randomUUID();
const longSecret = `Hunter2-${'p'.repeat(300)}`;

async function signedIn(): Promise<TestConsole> {
  const harness = createTestConsole({ objects: [makeObject({ name: 'alice', kind: 'user' })] });
  await harness.signIn();
  return harness;
}

/** Everything the fakes were asked, to prove a refused request reached nothing. */
const touched = (harness: TestConsole) => [...harness.connector.calls, ...harness.directories.flatMap((directory) => directory.calls)];

describe('the dispatcher against hostile requests', () => {
  it.each<[string, IpcChannel, unknown]>([
    ['a string where a list goes', 'directory:resolve-names', { names: 'alice', operationId: operationId() }],
    ['a number where a string goes', 'servers:remove', { id: 42, versionTag: '"1"' }],
    ['an extra key', 'servers:list', { all: true }],
    ['an own __proto__ key', 'servers:list', JSON.parse('{"__proto__": {"isAdmin": true}}')],
    ['a constructor.prototype payload', 'servers:export-csv', JSON.parse('{"constructor": {"prototype": {"isAdmin": true}}}')],
    ['null', 'servers:list', null],
    ['undefined', 'servers:list', undefined],
    ['a number', 'servers:list', 42],
    ['a string', 'servers:list', 'servers'],
    ['an array', 'servers:list', []],
    ['a 1 MB name', 'directory:resolve-names', { names: ['a'.repeat(1_000_000)], operationId: operationId() }],
    ['a 1 MB key', 'servers:list', { ['k'.repeat(1_000_000)]: 1 }],
    ['too many names', 'directory:resolve-names', { names: Array.from({ length: 21 }, () => 'alice'), operationId: operationId() }],
    ['a blank name', 'directory:resolve-names', { names: ['   '], operationId: operationId() }],
    ['a SID with an LDAP filter in it', 'servers:check', { role: 'exchange', sid: 'S-1-5-21-1)(objectClass=*', operationId: operationId() }],
    ['a properties SID with an LDAP filter in it', 'directory:properties', { sid: 'S-1-5-21-1)(objectClass=*', operationId: operationId() }],
    [
      'a DN instead of a SID for properties',
      'directory:properties',
      { sid: 'CN=Administrator,CN=Users,DC=corp,DC=contoso,DC=test', operationId: operationId() },
    ],
    ['a filter instead of a SID for properties', 'directory:properties', { sid: '(objectClass=*)', operationId: operationId() }],
    ['an account name instead of a SID for properties', 'directory:properties', { sid: 'CORP\\alice', operationId: operationId() }],
    ['a SID with a trailing newline for properties', 'directory:properties', { sid: 'S-1-5-21-1-2-3-1105\n', operationId: operationId() }],
    ['a DN beside the SID for properties', 'directory:properties', { sid: 'S-1-5-21-1-2-3-1105', dn: 'DC=evil', operationId: operationId() }],
    ['transitive as a string for properties', 'directory:properties', { sid: 'S-1-5-21-1-2-3-1105', transitiveMembers: 'yes', operationId: operationId() }],
    ['a role outside the contract', 'servers:check', { role: 'admin', sid: 'S-1-5-21-1-2-3-4', operationId: operationId() }],
    ['an operation id that is not a UUID', 'review:list', { operationId: '../../etc/passwd' }],
    ['a removal-impact SID with an LDAP filter in it', 'servers:removal-impact', { sid: 'S-1-5-21-1)(member=*', operationId: operationId() }],
    ['a removal-impact DN instead of a SID', 'servers:removal-impact', { sid: 'CN=Exchange Servers,DC=corp', operationId: operationId() }],
    ['a removal-impact without an operation id', 'servers:removal-impact', { sid: 'S-1-5-21-1-2-3-1105' }],
    ['a negative audit limit', 'audit:list', { limit: -1 }],
    ['an administrator role outside the contract', 'administration:add-administrator', { sid: 'S-1-5-21-1-2-3-4', role: 'Owner', version: 1 }],
    [
      'a SID with an LDAP filter for an administrator',
      'administration:remove-administrator',
      { sid: 'S-1-5-21-*)(cn=*', role: 'GlobalAdministrator', version: 1 },
    ],
    ['a name where the SID goes', 'administration:set-onboarding-group', { sid: 'CORP\\Domain Admins', version: 1 }],
    ['a negative administration version', 'administration:clear-onboarding-group', { version: -1 }],
    ['an administration version as a string', 'administration:add-administrator', { sid: 'S-1-5-21-1-2-3-4', role: 'GlobalAdministrator', version: '"7"' }],
    ['an extra key on an administration change', 'administration:clear-onboarding-group', { version: 1, force: true }],
    [
      'a page size above the limit',
      'directory:search-start',
      { text: 'a', types: ['user'], location: { kind: 'domain' }, pageSize: 100_000, operationId: operationId() },
    ],
    [
      'an unknown search location',
      'directory:search-start',
      { text: 'a', types: ['user'], location: { kind: 'forest' }, pageSize: 50, operationId: operationId() },
    ],
    [
      'a DN outside the domain as the search base',
      'directory:search-start',
      {
        text: 'a',
        types: ['user'],
        location: { kind: 'container', distinguishedName: 'CN=Configuration,DC=corp,DC=contoso,DC=test,DC=evil' },
        pageSize: 50,
        operationId: operationId(),
      },
    ],
    ['a browse parent in another domain', 'directory:browse', { parentDn: 'OU=Servers,DC=evil,DC=test', operationId: operationId() }],
    ['a browse parent with a filter injected', 'directory:browse', { parentDn: 'DC=corp,DC=contoso,DC=test)(objectClass=*', operationId: operationId() }],
    [
      'a browse parent hiding the domain in an escaped comma',
      'directory:browse',
      { parentDn: 'OU=x\\,DC=corp,DC=contoso,DC=test', operationId: operationId() },
    ],
    ['a browse parent that is not a DN', 'directory:browse', { parentDn: '*', operationId: operationId() }],
    ['a browse parent with a bidi override', 'directory:browse', { parentDn: 'OU=\u202Etset=CD,DC=evil', operationId: operationId() }],
    ['a sign-in with both a password and the remembered one', 'session:sign-in', { ...signInRequest(), useRememberedPassword: true }],
    ['a sign-in with neither a password nor the remembered one', 'session:sign-in', { ...signInRequest(), password: undefined }],
    ['useRememberedPassword false', 'session:sign-in', { ...signInRequest(), password: undefined, useRememberedPassword: false }],
    ['useRememberedPassword as a string', 'session:sign-in', { ...signInRequest(), password: undefined, useRememberedPassword: 'true' }],
    ['rememberPassword as a string', 'session:sign-in', { ...signInRequest(), rememberPassword: 'yes' }],
    [
      'the remembered password with rememberPassword false',
      'session:sign-in',
      { ...signInRequest(), password: undefined, useRememberedPassword: true, rememberPassword: false },
    ],
    ['a demo start with a password in it', 'demo:start', { operationId: operationId(), password: 'x' }],
    ['a demo start with an account in it', 'demo:start', { operationId: operationId(), username: 'Administrator' }],
    ['a demo start without an operation id', 'demo:start', {}],
    ['a demo start as an array', 'demo:start', [operationId()]],
    ['a forget-password naming an account', 'settings:forget-password', { account: 'alice' }],
    ['a forget-password as a string', 'settings:forget-password', 'alice'],
    ['an open-logs with a path', 'app:open-logs', { path: '/etc/shadow' }],
    ['an open-logs with a __proto__ key', 'app:open-logs', JSON.parse('{"__proto__": {"path": "/"}}')],
    ['a connector URL with a line break', 'health:run', { connectorUrl: 'https://rmsconnector.contoso.test\r\nHost: evil', operationId: operationId() }],
    ['a 1 MB connector URL', 'health:run', { connectorUrl: `https://${'a'.repeat(1_000_000)}.test`, operationId: operationId() }],
    ['a connector URL as a number', 'health:run', { connectorUrl: 443, operationId: operationId() }],
    ['a health run with an extra key', 'health:run', { connectorUrl: 'https://rmsconnector.contoso.test', operationId: operationId(), insecure: true }],
    [
      'a proxy with a NUL in it',
      'health:run',
      { connectorUrl: 'https://rmsconnector.contoso.test', proxyUrl: 'http://proxy:8080\u0000', operationId: operationId() },
    ],
    [
      'a CA file path with a line break',
      'health:run',
      { connectorUrl: 'https://rmsconnector.contoso.test', caFile: '/etc/ssl/ca.pem\n/etc/shadow', operationId: operationId() },
    ],
    ['a health progress without an operation id', 'health:progress', {}],
    [
      'a tenant URL with a bidi override',
      'server-config:plan',
      { connectorUrl: 'https://rmsconnector.contoso.test', tenantUrl: 'https://\u202Emoc.mrdaa', profile: 'current', operationId: operationId() },
    ],
    [
      'an unknown profile',
      'server-config:plan',
      {
        connectorUrl: 'https://rmsconnector.contoso.test',
        tenantUrl: 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com',
        profile: '2007',
        operationId: operationId(),
      },
    ],
    [
      'a plan with the file text in it',
      'server-config:plan',
      {
        connectorUrl: 'https://rmsconnector.contoso.test',
        tenantUrl: 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com',
        profile: 'current',
        operationId: operationId(),
        text: 'Windows Registry Editor',
      },
    ],
    [
      'a save naming its own folder',
      'server-config:save',
      {
        connectorUrl: 'https://rmsconnector.contoso.test',
        tenantUrl: 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com',
        profile: 'current',
        operationId: operationId(),
        folder: '/etc',
      },
    ],
    [
      'a save with an unknown server type',
      'server-config:save',
      {
        connectorUrl: 'https://rmsconnector.contoso.test',
        tenantUrl: 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com',
        profile: 'current',
        operationId: operationId(),
        serverTypes: ['exchange2007'],
      },
    ],
    [
      'a save with an unknown output',
      'server-config:save',
      {
        connectorUrl: 'https://rmsconnector.contoso.test',
        tenantUrl: 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com',
        profile: 'current',
        operationId: operationId(),
        outputs: ['exe'],
      },
    ],
    [
      'a save with replaceExisting as a string',
      'server-config:save',
      {
        connectorUrl: 'https://rmsconnector.contoso.test',
        tenantUrl: 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com',
        profile: 'current',
        operationId: operationId(),
        replaceExisting: 'yes',
      },
    ],
    ['an import naming its own file', 'import:choose-file', { path: '/etc/shadow' }],
    ['an import preview by path instead of id', 'import:preview', { fileId: '/home/admin/list.json', operationId: operationId() }],
    [
      'an import preview carrying entries',
      'import:preview',
      { fileId: operationId(), operationId: operationId(), entries: [{ sid: 'S-1-5-32-544', name: 'x', role: 'exchange' }] },
    ],
    [
      'an import apply carrying entries',
      'import:apply',
      { fileId: operationId(), versionTag: '"1"', acknowledged: [], operationId: operationId(), entries: [] },
    ],
    ['an import apply without a version', 'import:apply', { fileId: operationId(), acknowledged: [], operationId: operationId() }],
    [
      'an import acknowledgement with an unknown code',
      'import:apply',
      {
        fileId: operationId(),
        versionTag: '"1"',
        acknowledged: [{ sid: 'S-1-5-21-1-2-3-4', role: 'exchange', codes: ['EVERYTHING'] }],
        operationId: operationId(),
      },
    ],
    [
      'an import acknowledgement with a filter in its SID',
      'import:apply',
      { fileId: operationId(), versionTag: '"1"', acknowledged: [{ sid: 'S-1-5-21-1)(cn=*', role: 'exchange', codes: [] }], operationId: operationId() },
    ],
    ['an import progress without an operation id', 'import:progress', {}],
    [
      'a save with a 1 MB tenant URL',
      'server-config:save',
      { connectorUrl: 'https://rmsconnector.contoso.test', tenantUrl: 'h'.repeat(1_000_000), profile: 'current', operationId: operationId() },
    ],
  ])('refuses %s as INVALID_REQUEST before anything runs', async (_label, channel, request) => {
    const harness = await signedIn();
    const before = touched(harness);
    const result = await harness.dispatcher.dispatch(channel, request);
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_REQUEST', source: 'console', title: 'The request is not valid', message: expect.any(String) },
    });
    expect(touched(harness)).toEqual(before);
    if (!result.ok) {
      expect(result.error.message.length).toBeLessThan(1200);
      expect([result.error.message.includes('\u202E'), result.error.message.includes('\u0000')]).toEqual([false, false]);
    }
  });

  it('answers an error, never a rejection, for a payload whose getter throws', async () => {
    const harness = await signedIn();
    const hostile = Object.defineProperty({}, 'names', {
      enumerable: true,
      get: () => {
        throw new Error('getter ran');
      },
    });
    const result = await harness.dispatcher.dispatch('directory:resolve-names', hostile);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ source: 'console' }) });
    expect(JSON.stringify(result)).not.toContain('getter ran');
  });

  it('leaves Object.prototype alone after a __proto__ payload', async () => {
    const harness = await signedIn();
    await harness.dispatcher.dispatch('servers:list', JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });

  it('says which fields are wrong in plain words', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('servers:add', { role: 'exchange', sid: 'not a sid', acknowledged: [], operationId: operationId() });
    expect(result.ok ? '' : result.error.message).toBe(
      'The request was refused before anything ran. sid: A SID looks like S-1-5-21-…; versionTag: Invalid input: expected string, received undefined.',
    );
  });

  it('never echoes a password it refuses', async () => {
    const harness = createTestConsole();
    const result = await harness.dispatcher.dispatch('session:sign-in', {
      ...signInRequest({ password: longSecret }),
      directory: { mode: 'server', serverUrl: 'ldaps://dc', transport: 'ldaps', bindUser: 'svc', bindPassword: longSecret },
    });
    expect(result.ok ? '' : result.error.code).toBe('INVALID_REQUEST');
    expect(JSON.stringify([result, harness.lines])).not.toContain('Hunter2');
    expect(harness.connector.calls).toEqual([]);
  });

  it('shortens and neutralises a hostile unexpected key in the message', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('servers:list', { [`\u202E${'k'.repeat(5000)}`]: 1 });
    expect(result.ok ? '' : result.error.message).toMatch(
      /^The request was refused before anything ran\. the request: Unrecognized key: "\?k+… \(\d+ characters\)\.$/,
    );
  });

  it.each([
    ['LDAP filter metacharacters', '*)(objectClass=*'],
    ['a DN', 'CN=Admin,CN=Users,DC=corp,DC=contoso,DC=test'],
    ['backslashes and NUL escapes', 'a\\2a\\00b'],
    ['combining characters and emoji', 'Zoe\u0308 🚀'],
  ])('passes a name with %s to the directory as data, unchanged', async (_label, name) => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('directory:resolve-names', { names: [name], operationId: operationId() });
    expect(result).toEqual({ ok: true, value: [{ status: 'not-found', input: name, reason: 'No such object.' }] });
    expect(harness.directories[0]?.calls.at(-1)).toBe(`resolveNames:${name}`);
  });

  it('accepts a container inside the domain, rebuilt from its parts', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('directory:browse', { parentDn: ' ou=Servers , dc=CORP,dc=contoso,dc=test', operationId: operationId() });
    expect(result.ok).toBe(true);
    expect(harness.directories[0]?.calls.at(-1)).toBe('browse:ou=Servers,dc=CORP,dc=contoso,dc=test');
  });
});
