import type { Entry } from 'ldapts';
import type { DirectoryObject } from '../../contract/directory.ts';
import { OBJECT_ATTRIBUTES, toDirectoryObject } from './directory-object.ts';
import { firstOf, valuesOf } from './entry-values.ts';
import { isoFromGeneralizedTime } from './generalized-time.ts';
import { signalOf, type DirectoryContext } from './find-objects.ts';
import { anyOf, equals } from './ldap-filter.ts';
import { sidToBuffer } from './sid.ts';

/** A group above an object, with the groups it is directly in and when it last changed. */
export type GraphGroup = { readonly group: DirectoryObject; readonly parentSids: readonly string[]; readonly whenChanged: string | undefined };

/**
 * The groups above an object and how they link: every group it is in, directly, through
 * nesting or through its primary group, each with its direct parents. Enough to draw the path
 * "account → group → group → entry", which no single AD attribute gives.
 */
export type GroupGraph = {
  /** The object's own direct groups: its `memberOf`, and its primary group. */
  readonly parentSids: readonly string[];
  readonly primaryGroupSid: string | undefined;
  /** Every group reached, by SID. */
  readonly groups: ReadonlyMap<string, GraphGroup>;
};

const GRAPH_ATTRIBUTES = [...OBJECT_ATTRIBUTES, 'memberOf', 'whenChanged'];
const DNS_PER_SEARCH = 100;
const MAX_LEVELS = 64;

/**
 * Walk up from an object through `memberOf`, one search per nesting level (the groups of a level
 * are read together), plus one for its primary group, which `memberOf` never lists.
 *
 * An account in ten groups nested five deep costs about seven searches whatever the size of the
 * groups: only the groups above the account are read, never their members. Cycles end the walk.
 */
export async function groupGraphOf(context: DirectoryContext, object: DirectoryObject): Promise<GroupGraph> {
  const [[self], primary] = await Promise.all([
    readEntries(context, [equals('distinguishedName', object.distinguishedName)]),
    object.primaryGroupSid === undefined ? Promise.resolve([]) : readEntries(context, [equals('objectSid', sidToBuffer(object.primaryGroupSid))]),
  ]);
  const ownParentDns = self === undefined ? [] : valuesOf(self, 'memberOf');
  const nodes = new Map<string, { group: DirectoryObject; parentDns: string[]; whenChanged: string | undefined }>();
  const sidByDn = new Map<string, string>();
  const seen = new Set<string>();
  const take = (entries: readonly Entry[]): string[] => {
    const next: string[] = [];
    for (const entry of entries) {
      const group = toDirectoryObject(entry, context.domain.domainSid);
      if (group === undefined) continue;
      const parentDns = valuesOf(entry, 'memberOf');
      sidByDn.set(entry.dn.toLowerCase(), group.sid);
      nodes.set(group.sid, { group, parentDns, whenChanged: isoFromGeneralizedTime(firstOf(entry, 'whenChanged')) });
      next.push(...parentDns);
    }
    return next;
  };
  for (const entry of primary) seen.add(entry.dn.toLowerCase());
  let frontier = [...ownParentDns, ...take(primary)];
  for (let level = 0; frontier.length > 0 && level < MAX_LEVELS; level += 1) {
    const unread = distinctDns(frontier).filter((dn) => !seen.has(dn.toLowerCase()));
    for (const dn of unread) seen.add(dn.toLowerCase());
    frontier =
      unread.length === 0
        ? []
        : take(
            await readEntries(
              context,
              unread.map((dn) => equals('distinguishedName', dn)),
            ),
          );
  }
  const sidsOf = (dns: readonly string[]): string[] => [...new Set(dns.flatMap((dn) => sidByDn.get(dn.toLowerCase()) ?? []))];
  const groups = new Map([...nodes].map(([sid, node]) => [sid, { group: node.group, parentSids: sidsOf(node.parentDns), whenChanged: node.whenChanged }]));
  const primaryGroupSid = primary[0] === undefined ? undefined : sidByDn.get(primary[0].dn.toLowerCase());
  return { parentSids: sidsOf([...ownParentDns, ...primary.map((entry) => entry.dn)]), primaryGroupSid, groups };
}

/** Entries matching any of the clauses, in searches of at most {@link DNS_PER_SEARCH} clauses, run together. */
async function readEntries(context: DirectoryContext, clauses: ReturnType<typeof equals>[]): Promise<Entry[]> {
  const batches: ReturnType<typeof equals>[][] = [];
  for (let start = 0; start < clauses.length; start += DNS_PER_SEARCH) batches.push(clauses.slice(start, start + DNS_PER_SEARCH));
  const pages = await Promise.all(
    batches.map((batch) =>
      context.session.searchAll({
        base: context.domain.defaultNamingContext,
        scope: 'sub',
        filter: anyOf(...batch),
        attributes: GRAPH_ATTRIBUTES,
        ...signalOf(context),
      }),
    ),
  );
  return pages.flat();
}

function distinctDns(dns: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const dn of dns) if (!byKey.has(dn.toLowerCase())) byKey.set(dn.toLowerCase(), dn);
  return [...byKey.values()];
}
