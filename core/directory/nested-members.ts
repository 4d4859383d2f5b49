import type { Filter } from 'ldapts';
import type { MembershipPath } from '../../contract/account-properties.ts';
import type { DirectoryObject } from '../../contract/directory.ts';
import { OBJECT_ATTRIBUTES, toDirectoryObject } from './directory-object.ts';
import { valuesOf } from './entry-values.ts';
import { signalOf, type DirectoryContext } from './find-objects.ts';
import { anyOf, equals } from './ldap-filter.ts';
import { domainSidOf, ridOf } from './sid.ts';

/** A member and how it reaches the group at the top. */
export type ReachedMember = { readonly object: DirectoryObject; readonly path: MembershipPath };

/**
 * A member found by the walk: the level it was found on (0: the group's own members) and the
 * groups whose `member` names it (its `memberOf` DNs), from which its path can be drawn.
 */
export type WalkedMember = { readonly object: DirectoryObject; readonly parentDns: readonly string[]; readonly depth: number };

/** Groups (or objects) per search of a walk: keeps each filter a reasonable size in a wide nest. */
export const GROUPS_PER_SEARCH = 100;
/** Nesting deeper than this is a misconfiguration; a walk stops rather than run on. */
export const MAX_DEPTH = 32;

/**
 * A group's members, level by level: those whose `memberOf` or `primaryGroupID` names the group,
 * then the members of the groups found, and so on (cycles end the walk). `transitive: false`
 * stops after the first level.
 *
 * Every "members at any depth" question of the directory layer comes here. One search per
 * level, each with `memberOf` and `primaryGroupID` equality clauses that both index well: the
 * in-chain rule answers the same question in one search, but a Samba DC holding a few thousand
 * accounts takes longer than the search time limit over it, and in-chain never follows primary
 * groups anyway (AD keeps that membership out of `member`/`memberOf`).
 */
export async function walkMembers(context: DirectoryContext, group: DirectoryObject, transitive: boolean): Promise<WalkedMember[]> {
  const reached = new Map<string, WalkedMember>();
  const seenGroups = new Set([group.sid]);
  let level: DirectoryObject[] = [group];
  for (let depth = 0; level.length > 0 && depth < (transitive ? MAX_DEPTH : 1); depth += 1) {
    const next: DirectoryObject[] = [];
    for (let start = 0; start < level.length; start += GROUPS_PER_SEARCH) {
      for (const entry of await searchWithParents(context, membersOf(context, level.slice(start, start + GROUPS_PER_SEARCH)))) {
        const object = toDirectoryObject(entry, context.domain.domainSid);
        if (object === undefined || reached.has(object.sid) || object.sid === group.sid) continue;
        reached.set(object.sid, { object, parentDns: valuesOf(entry, 'memberOf'), depth });
        if (object.kind === 'group' && !seenGroups.has(object.sid)) {
          seenGroups.add(object.sid);
          next.push(object);
        }
      }
    }
    level = next;
  }
  return [...reached.values()];
}

/** The walk's members keyed by SID, `direct` and `primary` marking the top group's own members. */
export async function membersByLevel(context: DirectoryContext, group: DirectoryObject, transitive: boolean): Promise<Map<string, ReachedMember>> {
  const walked = await walkMembers(context, group, transitive);
  return new Map(
    walked.map(({ object, depth }) => {
      const path: MembershipPath = depth > 0 ? 'nested' : object.primaryGroupSid === group.sid ? 'primary' : 'direct';
      return [object.sid, { object, path }];
    }),
  );
}

async function searchWithParents(context: DirectoryContext, filter: Filter) {
  return context.session.searchAll({
    base: context.domain.defaultNamingContext,
    scope: 'sub',
    filter,
    attributes: [...OBJECT_ATTRIBUTES, 'memberOf'],
    ...signalOf(context),
  });
}

function membersOf(context: DirectoryContext, groups: readonly DirectoryObject[]) {
  // primaryGroupID holds a RID of the account's own domain: a builtin group is nobody's primary group.
  const primaryClauses = groups
    .filter((group) => domainSidOf(group.sid) === context.domain.domainSid)
    .map((group) => equals('primaryGroupID', String(ridOf(group.sid))));
  return anyOf(...groups.map((group) => equals('memberOf', group.distinguishedName)), ...primaryClauses);
}
