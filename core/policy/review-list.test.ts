import { describe, expect, it } from 'vitest';
import { reviewList } from './review-list.ts';
import { makeEntry, makeObject } from './testing/policy-fixtures.ts';

const fs01 = makeObject({ name: 'FS01', kind: 'computer' });
const fsOld = makeObject({ name: 'FSOLD', kind: 'computer', disabled: true });
const fciGroup = makeObject({ name: 'FCI File Servers', kind: 'group' });
const exch01 = makeObject({ name: 'EXCH01', kind: 'computer' });
const exchangeServers = makeObject({ name: 'Exchange Servers', kind: 'group', group: { scope: 'universal', security: true } });
const alice = makeObject({ name: 'alice', kind: 'user' });
const domainUsers = makeObject({ name: 'Domain Users', kind: 'group', sid: 'S-1-5-21-1-2-3-513', broadPrincipal: { name: 'Domain Users', reason: 'broad' } });

describe('reviewList', () => {
  it('reports orphans, overlaps once, disabled and broad entries, and nothing for a clean entry', () => {
    const list = [
      makeEntry(exchangeServers, 'exchange', [exch01]),
      makeEntry(fciGroup, 'fci', [fs01]),
      makeEntry(fs01, 'fci'),
      makeEntry(fsOld, 'fci'),
      makeEntry(domainUsers, 'sharepoint'),
      makeEntry(undefined, 'exchange', [], 'S-1-5-21-1-2-3-424242'),
    ];
    const members = new Map([
      [exchangeServers.sid, [exch01]],
      [fciGroup.sid, [fs01]],
      [domainUsers.sid, [alice]],
    ]);
    const findings = reviewList(list, members, [], 'CORP');
    expect(findings.map((found) => [found.code, found.accounts.map((account) => account.name)])).toEqual([
      ['BROAD_PRINCIPAL', ['CORP\\Domain Users']],
      ['OVERLAPPING_ENTRY', ['CORP\\FS01$']],
      ['ACCOUNT_DISABLED', ['CORP\\FSOLD$']],
      ['ORPHANED_ENTRY', ['CORP\\deleted']],
    ]);
  });

  it('flags a duplicate entry once', () => {
    const findings = reviewList([makeEntry(fciGroup, 'fci', [fs01]), makeEntry(fciGroup, 'fci', [fs01])], new Map([[fciGroup.sid, [fs01]]]), [], 'CORP');
    expect(findings.map((found) => found.code)).toEqual(['ALREADY_AUTHORIZED']);
  });
});
