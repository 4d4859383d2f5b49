import { randomUUID } from 'node:crypto';
import type { DirectoryObject, Resolution } from '../../../contract/directory.ts';
import type { AuthorizedAccount } from '../../../contract/servers.ts';
import type { Directory } from '../../directory/index.ts';
import { FAKE_DOMAIN } from '../../directory/testing/fake-domain.ts';
import type { AuthorizationService } from '../judge-account.ts';
import type { ListImportService } from '../judge-list-import.ts';

/**
 * An in-memory directory for unit tests of the use cases (the real one has its integration tests).
 *
 * Names resolve by sAMAccountName or SID; `members` maps a group SID to its direct members.
 * `answerNothing` makes name resolution return no answer at all, a directory defect.
 */
export function createFakeDirectory(
  objects: readonly DirectoryObject[],
  members: ReadonlyMap<string, readonly DirectoryObject[]> = new Map(),
  answerNothing = false,
): Directory {
  const unused = () => Promise.reject(new Error('not used by the authorization use cases'));
  return {
    domain: FAKE_DOMAIN,
    serverName: FAKE_DOMAIN.dnsHostName,
    resolveNames: (names) =>
      Promise.resolve(
        answerNothing
          ? []
          : names.map((input): Resolution => {
              const found = objects.filter((object) => object.samAccountName?.toLowerCase() === input.toLowerCase() || object.sid === input);
              const [object] = found;
              if (found.length > 1) return { status: 'ambiguous', input, candidates: found };
              return object ? { status: 'resolved', input, object } : { status: 'not-found', input, reason: 'No such object.' };
            }),
      ),
    objectBySid: (sid) => Promise.resolve(objects.find((object) => object.sid === sid)),
    directMembers: (group) => Promise.resolve([...(members.get(group.sid) ?? [])]),
    search: () => {
      throw new Error('not used by the authorization use cases');
    },
    browse: unused,
    accountProperties: unused,
    transitiveMembers: unused,
    transitiveMembersThrough: unused,
    transitiveGroups: unused,
    tokenGroupSids: unused,
    sessionTokenGroupSids: unused,
    groupGraph: unused,
    roundTrips: () => 0,
    kerberosPrincipal: () => undefined,
    close: () => Promise.resolve(),
  };
}

/** A fake connector service: its list, its nodes, and every call made to it. */
export type FakeService = AuthorizationService &
  Pick<ListImportService, 'replaceAuthorizedAccounts'> & {
    entries: AuthorizedAccount[];
    version: number;
    nodes: { readonly name: string; readonly alive: boolean }[];
    readonly calls: string[];
  };

/**
 * The service operations the use cases need, over an in-memory list with ETags `"<version>"`.
 *
 * An add whose `If-Match` is not the current ETag is refused, as the real service does.
 */
export function createFakeService(): FakeService {
  const etag = () => `"${String(fake.version)}"`;
  const fake: FakeService = {
    entries: [],
    version: 0,
    nodes: [],
    calls: [],
    listAuthorizedAccounts() {
      fake.calls.push('list');
      return Promise.resolve({ list: { version: fake.version, entries: [...fake.entries] }, etag: etag() });
    },
    listConnectors() {
      fake.calls.push('connectors');
      const seen = new Date(0).toISOString();
      return Promise.resolve({
        heartbeatSeconds: 30,
        nodes: fake.nodes.map((node) => ({
          id: node.name,
          name: node.name,
          version: '1',
          url: 'https://x',
          tls: true,
          startedAt: seen,
          lastSeenAt: seen,
          alive: node.alive,
        })),
      });
    },
    addAuthorizedAccount(entry, options) {
      fake.calls.push(`add:${entry.sid}:${entry.name}:${entry.role}:${options.ifMatch}:${options.idempotencyKey ?? ''}`);
      if (options.ifMatch !== etag()) return Promise.reject(new Error('412 list changed'));
      const added: AuthorizedAccount = {
        id: randomUUID(),
        sid: entry.sid,
        name: entry.name,
        role: entry.role,
        kind: 'group',
        addedBy: 'CORP\\alice',
        addedAt: new Date(0).toISOString(),
      };
      fake.entries.push(added);
      fake.version += 1;
      return Promise.resolve({ result: { entry: added, version: fake.version, superUserFeatureEnabled: entry.role === 'exchange' }, etag: etag() });
    },
    replaceAuthorizedAccounts(entries, options) {
      fake.calls.push(`replace:${String(entries.length)}:${options.ifMatch}`);
      if (options.ifMatch !== etag()) return Promise.reject(new Error('412 list changed'));
      const keyOf = (entry: { sid: string; role: string }) => `${entry.sid} ${entry.role}`;
      const wanted = new Set(entries.map(keyOf));
      const present = new Set(fake.entries.map(keyOf));
      const removed = fake.entries.filter((entry) => !wanted.has(keyOf(entry)));
      const added = entries
        .filter((entry) => !present.has(keyOf(entry)))
        .map((entry): AuthorizedAccount => ({
          id: randomUUID(),
          sid: entry.sid,
          name: entry.name,
          role: entry.role,
          kind: 'group',
          addedBy: 'CORP\\alice',
          addedAt: new Date(0).toISOString(),
        }));
      fake.entries = [...fake.entries.filter((entry) => wanted.has(keyOf(entry))), ...added];
      fake.version += 1;
      return Promise.resolve({ result: { version: fake.version, added, removed, superUserFeatureEnabled: false }, etag: etag() });
    },
  };
  return fake;
}
