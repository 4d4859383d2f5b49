import { accountNameOf } from '../../../contract/account-name.ts';
import type { AccountList } from '../../../contract/account-properties.ts';
import type { DirectoryObject, Resolution } from '../../../contract/directory.ts';
import { FAKE_DOMAIN } from '../../../core/directory/testing/fake-domain.ts';
import { DirectoryError, type Directory } from '../../../core/directory/index.ts';

/** A fake directory and what was asked of it. */
export type FakeDirectory = Directory & {
  /** Method names (and arguments worth checking) in call order. */
  readonly calls: string[];
  closed: boolean;
  /** When set, each search page, browse, member read and token read waits for it, so a test can cancel mid-way. */
  gate: Promise<void> | undefined;
};

/**
 * An in-memory directory over a fixed set of objects, for unit tests of the ipc layer.
 *
 * Names resolve by sAMAccountName (also as `CORP\name`) or SID; a directory opened with a ticket
 * names its `kerberosPrincipal`; `members` maps a group SID to its direct members.
 * Calls honour their signal the way the real layer does (`CANCELLED`). Token groups and the
 * group graph are read from `members` upward (security groups only in the token).
 */
export function createFakeDirectory(
  objects: readonly DirectoryObject[],
  members: ReadonlyMap<string, readonly DirectoryObject[]> = new Map(),
  options: { readonly kerberosPrincipal?: string | undefined } = {},
): FakeDirectory {
  const calls: string[] = [];
  // The groups an object is a direct member of, read from `members` (no primary groups here).
  const parentsOf = (sid: string): DirectoryObject[] =>
    [...members].flatMap(([groupSid, groupMembers]) => {
      const group = objects.find((candidate) => candidate.sid === groupSid);
      return group !== undefined && groupMembers.some((member) => member.sid === sid) ? [group] : [];
    });
  const checkSignal = (signal?: AbortSignal): void => {
    if (signal?.aborted === true) throw new DirectoryError('CANCELLED');
  };
  const fake: FakeDirectory = {
    domain: FAKE_DOMAIN,
    serverName: FAKE_DOMAIN.dnsHostName,
    calls,
    closed: false,
    gate: undefined,
    resolveNames(names, options = {}) {
      calls.push(`resolveNames:${names.join('|')}`);
      checkSignal(options.signal);
      return Promise.resolve(
        names.map((input): Resolution => {
          const name = input.toLowerCase().replace(`${FAKE_DOMAIN.netbiosDomain.toLowerCase()}\\`, '');
          const object = objects.find((candidate) => candidate.samAccountName?.toLowerCase() === name || candidate.sid === input);
          return object ? { status: 'resolved', input, object } : { status: 'not-found', input, reason: 'No such object.' };
        }),
      );
    },
    async *search(query, signal) {
      calls.push(`search:${query.baseDn ?? '(domain)'}:${query.text}`);
      const size = query.pageSize ?? 100;
      for (let start = 0; start < objects.length; start += size) {
        if (fake.gate) await fake.gate;
        checkSignal(signal);
        yield objects.slice(start, start + size);
      }
    },
    async browse(parentDn, options = {}) {
      calls.push(`browse:${parentDn}`);
      if (fake.gate) await fake.gate;
      checkSignal(options.signal);
      return [
        {
          distinguishedName: `OU=Servers,${parentDn}`,
          name: 'Servers',
          objectClass: 'organizationalUnit',
          isContainer: true,
          guid: '00000000-0000-0000-0000-000000000001',
        },
      ];
    },
    objectBySid(sid, signal) {
      calls.push(`objectBySid:${sid}`);
      checkSignal(signal);
      return Promise.resolve(objects.find((object) => object.sid === sid));
    },
    accountProperties(sid, options = {}) {
      calls.push(`accountProperties:${sid}`);
      checkSignal(options.signal);
      const object = objects.find((candidate) => candidate.sid === sid);
      const listOf = (list: readonly DirectoryObject[]): AccountList => ({
        transitive: false,
        total: list.length,
        rows: list.map((entry) => ({
          sid: entry.sid,
          accountName: accountNameOf(entry, FAKE_DOMAIN.netbiosDomain),
          name: entry.name,
          kind: entry.kind,
          disabled: entry.disabled,
          inFolder: entry.inFolder,
          path: 'direct' as const,
        })),
      });
      if (object === undefined) return Promise.resolve(undefined);
      const groupMembers = object.kind === 'group' ? { members: listOf(members.get(sid) ?? []) } : {};
      return Promise.resolve({ object, accountName: accountNameOf(object, FAKE_DOMAIN.netbiosDomain), memberOf: listOf(parentsOf(sid)), ...groupMembers });
    },
    async directMembers(group, signal) {
      calls.push(`directMembers:${group.name}`);
      if (fake.gate) await fake.gate;
      checkSignal(signal);
      return [...(members.get(group.sid) ?? [])];
    },
    transitiveMembers: () => Promise.reject(new Error('not used by the ipc layer')),
    transitiveGroups: () => Promise.reject(new Error('not used by the ipc layer')),
    async tokenGroupSids(object, signal) {
      calls.push(`tokenGroupSids:${object.sid}`);
      if (fake.gate) await fake.gate;
      checkSignal(signal);
      const groups = [...groupsAbove(object.sid, parentsOf).values()].filter((group) => group.group?.security === true);
      return groups.map((group) => group.sid);
    },
    sessionTokenGroupSids: () => Promise.reject(new Error('not used by the ipc layer')),
    groupGraph(object, signal) {
      calls.push(`groupGraph:${object.sid}`);
      checkSignal(signal);
      const reached = groupsAbove(object.sid, parentsOf);
      const groups = new Map(
        [...reached].map(([sid, group]) => [sid, { group, parentSids: parentsOf(sid).map((parent) => parent.sid), whenChanged: undefined }]),
      );
      return Promise.resolve({ parentSids: parentsOf(object.sid).map((parent) => parent.sid), primaryGroupSid: undefined, groups });
    },
    roundTrips: () => calls.length,
    kerberosPrincipal: () => options.kerberosPrincipal,
    close() {
      fake.closed = true;
      return Promise.resolve();
    },
  };
  return fake;
}

/** Every group above an object, nested included, by SID (cycles end the walk). */
function groupsAbove(sid: string, parentsOf: (sid: string) => DirectoryObject[]): Map<string, DirectoryObject> {
  const reached = new Map<string, DirectoryObject>();
  const pending = [sid];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    for (const parent of parentsOf(current)) {
      if (reached.has(parent.sid)) continue;
      reached.set(parent.sid, parent);
      pending.push(parent.sid);
    }
  }
  return reached;
}
