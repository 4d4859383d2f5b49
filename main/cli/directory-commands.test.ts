import { describe, expect, it } from 'vitest';
import type { DirectoryObject } from '../../contract/directory.ts';
import type { Directory } from '../../core/directory/index.ts';
import { makeObject } from '../../core/policy/testing/policy-fixtures.ts';
import { infoCommand, membersCommand, searchCommand } from './directory-commands.ts';

const exchangeServers = makeObject({ name: 'Exchange Servers', kind: 'group' });
const domainUsers = makeObject({ name: 'Domain Users', kind: 'group' });
const inner = makeObject({ name: 'Exchange Admins', kind: 'group' });
const ex01 = makeObject({ name: 'EX01', kind: 'computer' });
const alice = makeObject({ name: 'alice', kind: 'user', disabled: true, primaryGroupSid: domainUsers.sid });
const helper = makeObject({ name: 'svc-helper', kind: 'user', primaryGroupSid: exchangeServers.sid });

const directMembers: ReadonlyMap<string, readonly DirectoryObject[]> = new Map([
  [exchangeServers.sid, [ex01, inner, helper]],
  [inner.sid, [alice]],
]);

/** A directory that knows one group tree; only what these commands call is there. */
function fakeDirectory(searchPages: readonly (readonly DirectoryObject[])[] = []): Directory {
  const fake: Pick<Directory, 'domain' | 'resolveNames' | 'search' | 'directMembers' | 'transitiveMembers' | 'transitiveGroups' | 'objectBySid'> = {
    domain: { netbiosDomain: 'CORP' } as Directory['domain'],
    resolveNames: (names) =>
      Promise.resolve(
        names.map((input) => {
          const object = [exchangeServers, alice, ex01].find((candidate) => candidate.name === input);
          return object ? { status: 'resolved' as const, input, object } : { status: 'not-found' as const, input, reason: 'no such name' };
        }),
      ),
    async *search() {
      for (const page of searchPages) yield await Promise.resolve([...page]);
    },
    directMembers: (group) => Promise.resolve([...(directMembers.get(group.sid) ?? [])]),
    transitiveMembers: () => Promise.resolve([ex01, inner, helper, alice]),
    transitiveGroups: () => Promise.resolve([domainUsers, inner, exchangeServers]),
    objectBySid: (sid) => Promise.resolve([domainUsers, exchangeServers].find((group) => group.sid === sid)),
  };
  return fake as Directory;
}

describe('directory-commands', () => {
  it('sorts search results by account name whatever order the pages came in', async () => {
    const result = await searchCommand(
      fakeDirectory([
        [ex01, alice],
        [helper, domainUsers],
      ]),
      '*',
      {},
      () => undefined,
    );
    expect((result.json as DirectoryObject[]).map((object) => object.name)).toEqual(['alice', 'Domain Users', 'EX01', 'svc-helper']);
    expect(
      result.human
        .split('\n')
        .slice(1, 5)
        .map((line) => line.split(/\s{2,}/)[0]),
    ).toEqual(['CORP\\alice', 'CORP\\Domain Users', 'CORP\\EX01$', 'CORP\\svc-helper']);
  });

  it('lists direct members when not transitive', async () => {
    const result = await membersCommand(fakeDirectory(), 'Exchange Servers', false);
    expect(result.human.split('\n')[1]).toMatch(/^Account\s+Type\s+SID\s+In Folder$/);
    expect(result.json).toEqual({ group: exchangeServers, transitive: false, members: [ex01, inner, helper] });
  });

  it('shows a disabled account as disabled and its primary group by name', async () => {
    const result = await infoCommand(fakeDirectory(), 'alice');
    expect(result.human).toMatch(/^Status: +disabled$/m);
    expect(result.human).toMatch(new RegExp(`^Primary group: +CORP\\\\Domain Users \\(${domainUsers.sid}\\)$`, 'm'));
    expect((result.json as { primaryGroup: unknown }).primaryGroup).toEqual(domainUsers);
  });

  it('shows an enabled computer as enabled', async () => {
    const result = await infoCommand(fakeDirectory(), 'EX01');
    expect(result.human).toMatch(/^Status: +enabled$/m);
    expect((result.json as { primaryGroup: unknown }).primaryGroup).toBeNull();
  });
});
