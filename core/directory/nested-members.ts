import type { MembershipPath } from '../../contract/account-properties.ts';
import type { DirectoryObject } from '../../contract/directory.ts';
import { findObjects, type DirectoryContext } from './find-objects.ts';
import { anyOf, equals } from './ldap-filter.ts';
import { domainSidOf, ridOf } from './sid.ts';

/** A member and how it reaches the group at the top. */
export type ReachedMember = { readonly object: DirectoryObject; readonly path: MembershipPath };

// Groups per search: keeps each filter a reasonable size in a wide nest.
const GROUPS_PER_SEARCH = 100;
// Nesting deeper than this is a misconfiguration; the walk stops rather than run on.
const MAX_DEPTH = 32;

/**
 * A group's members, level by level: those whose `memberOf` or `primaryGroupID` names the group,
 * then the members of the groups found, and so on (cycles end the walk).
 *
 * One search per level, each with `memberOf` and `primaryGroupID` equality clauses that both
 * index well; the in-chain rule answers the same question in one search but a Samba DC can take
 * longer than the timeout over it. `direct` and `primary` mark the top group's own members.
 * `transitive: false` stops after the first level.
 */
export async function membersByLevel(context: DirectoryContext, group: DirectoryObject, transitive: boolean): Promise<Map<string, ReachedMember>> {
  const reached = new Map<string, ReachedMember>();
  const seenGroups = new Set([group.sid]);
  let level: DirectoryObject[] = [group];
  for (let depth = 0; level.length > 0 && depth < (transitive ? MAX_DEPTH : 1); depth += 1) {
    const next: DirectoryObject[] = [];
    for (let start = 0; start < level.length; start += GROUPS_PER_SEARCH) {
      for (const object of await findObjects(context, membersOf(context, level.slice(start, start + GROUPS_PER_SEARCH)))) {
        if (reached.has(object.sid) || object.sid === group.sid) continue;
        const path = depth > 0 ? 'nested' : object.primaryGroupSid === group.sid ? 'primary' : 'direct';
        reached.set(object.sid, { object, path });
        if (object.kind === 'group' && !seenGroups.has(object.sid)) {
          seenGroups.add(object.sid);
          next.push(object);
        }
      }
    }
    level = next;
  }
  return reached;
}

function membersOf(context: DirectoryContext, groups: readonly DirectoryObject[]) {
  // primaryGroupID holds a RID of the account's own domain: a builtin group is nobody's primary group.
  const primaryClauses = groups
    .filter((group) => domainSidOf(group.sid) === context.domain.domainSid)
    .map((group) => equals('primaryGroupID', String(ridOf(group.sid))));
  return anyOf(...groups.map((group) => equals('memberOf', group.distinguishedName)), ...primaryClauses);
}
