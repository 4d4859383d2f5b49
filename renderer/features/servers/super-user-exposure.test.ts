import { describe, expect, it } from 'vitest';
import type { DirectoryObject, EffectiveSuperUsers } from '../../../contract/index.ts';
import type { SnapshotSuperUser, SuperUsers } from '../../../contract/super-user-drift.ts';
import { makeEntry } from '../../testing/console-fixtures.ts';
import { badgeText, exposureOf, type ExposureSources } from './super-user-exposure.ts';

const EXCHANGE_SID = 'S-1-5-21-1-2-3-1200';
const OTHER_SID = 'S-1-5-21-1-2-3-1300';
const exchange = makeEntry(1, { sid: EXCHANGE_SID, name: 'CORP\\Exchange Servers', role: 'exchange', kind: 'group', addedAt: '2026-12-05T08:00:00.000Z' });
const fileServer = makeEntry(2, { role: 'fci' });

function superUser(sid: string, name: string, kind: SnapshotSuperUser['kind'], grants: SnapshotSuperUser['grants']): SnapshotSuperUser {
  return { sid, name, kind, grants, firstSeenAt: '2026-12-05T08:00:00.000Z' };
}

const ex01 = superUser('S-1-5-21-1-2-3-2001', 'CORP\\EX01$', 'computer', [
  { entrySid: EXCHANGE_SID, entryName: 'CORP\\Exchange Servers', path: ['Exchange Servers'], throughPrimaryGroup: false },
]);
const mallory = superUser('S-1-5-21-1-2-3-2002', 'CORP\\mallory', 'user', [
  { entrySid: EXCHANGE_SID, entryName: 'CORP\\Exchange Servers', path: ['Exchange Servers', 'Exchange Inner'], throughPrimaryGroup: false },
  { entrySid: OTHER_SID, entryName: 'CORP\\Other Exchange', path: ['Other Exchange'], throughPrimaryGroup: true },
]);
const onlyOther = superUser('S-1-5-21-1-2-3-2003', 'CORP\\bob', 'user', [
  { entrySid: OTHER_SID, entryName: 'CORP\\Other Exchange', path: ['Other Exchange'], throughPrimaryGroup: false },
]);

function snapshot(overrides: Partial<SuperUsers> = {}): SuperUsers {
  return {
    version: 3,
    expandedAt: '2026-12-05T09:00:00.000Z',
    expandedBy: 'RMSCON01',
    listVersion: 7,
    superUsers: [mallory, ex01, onlyOther],
    lastReview: null,
    changesSinceReview: [],
    ...overrides,
  };
}

function sources(overrides: Partial<ExposureSources> = {}): ExposureSources {
  return { snapshot: snapshot(), expansion: undefined, listVersion: 7, netbiosDomain: 'CORP', ...overrides };
}

const directoryObject = (sid: string, name: string, sam: string, kind: DirectoryObject['kind']): DirectoryObject => ({
  sid,
  guid: '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
  distinguishedName: `CN=${name},DC=corp,DC=contoso,DC=test`,
  name,
  samAccountName: sam,
  kind,
  disabled: false,
  servicePrincipalNames: [],
  canonicalName: `corp.contoso.test/${name}`,
  inFolder: 'corp.contoso.test',
});

describe('exposureOf', () => {
  it('lists the accounts an Exchange entry makes super users, with their paths through this entry only, non-servers marked', () => {
    expect(exposureOf(exchange, sources())).toEqual({
      status: 'known',
      source: 'service',
      asOf: '2026-12-05T09:00:00.000Z',
      accounts: [
        { sid: ex01.sid, name: 'CORP\\EX01$', kind: 'computer', kindText: 'Computer', notAServer: false, paths: ['CORP\\Exchange Servers › CORP\\EX01$'] },
        {
          sid: mallory.sid,
          name: 'CORP\\mallory',
          kind: 'user',
          kindText: 'User',
          notAServer: true,
          paths: ['CORP\\Exchange Servers › Exchange Inner › CORP\\mallory'],
        },
      ],
    });
  });

  it('says "(primary group)" where the last link is the primary group', () => {
    const other = makeEntry(3, { sid: OTHER_SID, name: 'CORP\\Other Exchange', role: 'exchange', kind: 'group' });
    const found = exposureOf(other, sources());
    expect(found?.status === 'known' && found.accounts.find((account) => account.sid === mallory.sid)?.paths).toEqual([
      'CORP\\Other Exchange › CORP\\mallory (primary group)',
    ]);
  });

  it('answers nothing for entries of other roles', () => {
    expect(exposureOf(fileServer, sources())).toBeUndefined();
  });

  it('trusts an older snapshot for entries added before it was expanded', () => {
    expect(exposureOf(exchange, sources({ listVersion: 9 }))?.status).toBe('known');
  });

  it('is pending for an entry added after the last expansion, and before any expansion', () => {
    const added = { ...exchange, addedAt: '2026-12-05T10:00:00.000Z' };
    expect(exposureOf(added, sources({ listVersion: 9 }))).toEqual({ status: 'pending' });
    expect(exposureOf(exchange, sources({ snapshot: snapshot({ expandedAt: null, listVersion: null }) }))).toEqual({ status: 'pending' });
  });

  it("falls back to main's expansion of the list shown, named DOMAIN\\sam", () => {
    const expansion: EffectiveSuperUsers = {
      superUsers: [
        {
          account: directoryObject('S-1-5-21-1-2-3-2002', 'Mallory Jones', 'mallory', 'user'),
          grants: [{ entry: { sid: EXCHANGE_SID, name: 'CORP\\Exchange Servers', role: 'exchange' }, path: ['Exchange Servers'], throughPrimaryGroup: true }],
        },
      ],
      orphanedEntries: [],
      listVersion: 7,
    };
    expect(exposureOf(exchange, sources({ snapshot: undefined, expansion }))).toEqual({
      status: 'known',
      source: 'console',
      asOf: '',
      accounts: [
        {
          sid: 'S-1-5-21-1-2-3-2002',
          name: 'CORP\\mallory',
          kind: 'user',
          kindText: 'User',
          notAServer: true,
          paths: ['CORP\\Exchange Servers › CORP\\mallory (primary group)'],
        },
      ],
    });
    expect(exposureOf(exchange, sources({ snapshot: undefined, expansion: { ...expansion, listVersion: 6 } }))).toEqual({ status: 'pending' });
  });
});

describe('badgeText', () => {
  it.each([
    [0, 'Super user · 0 accounts'],
    [1, 'Super user · 1 account'],
    [2, 'Super user · 2 accounts'],
  ])('counts %i account(s)', (count, text) => {
    const accounts = Array.from({ length: count }, (_unused, index) => ({
      sid: String(index),
      name: 'x',
      kind: 'user' as const,
      kindText: 'User',
      notAServer: true,
      paths: [],
    }));
    expect(badgeText({ status: 'known', accounts, source: 'service', asOf: '' })).toBe(text);
  });

  it('says when the count is not known yet', () => {
    expect(badgeText({ status: 'pending' })).toBe('Super user · count not known yet');
  });
});
