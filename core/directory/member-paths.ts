import type { Entry, Filter } from 'ldapts';
import type { DirectoryObject } from '../../contract/directory.ts';
import { OBJECT_ATTRIBUTES, toDirectoryObject } from './directory-object.ts';
import { valuesOf } from './entry-values.ts';
import { signalOf, type DirectoryContext } from './find-objects.ts';
import { anyOf, equals, inChain } from './ldap-filter.ts';
import { domainSidOf, ridOf } from './sid.ts';

/**
 * A transitive member and how it gets into the group: the nested groups between the group and
 * the member (empty for a direct member), and whether the last link is the member's primary
 * group, which no `member` attribute and no Members tab shows.
 */
export type MemberThrough = {
  readonly object: DirectoryObject;
  readonly through: readonly DirectoryObject[];
  readonly throughPrimaryGroup: boolean;
};

/**
 * Every member of a group at any depth, each with its shortest path from the group.
 *
 * The same two searches as the plain transitive listing (in-chain over `memberOf`, then the
 * primary-group members of every group found), with `memberOf` read as well: the links between
 * the members found are then enough to draw each path in memory, without one more round trip
 * per nested group.
 */
export async function transitiveMembersThrough(context: DirectoryContext, group: DirectoryObject): Promise<MemberThrough[]> {
  const search = (filter: Filter) =>
    context.session.searchAll({
      base: context.domain.defaultNamingContext,
      scope: 'sub',
      filter,
      attributes: [...OBJECT_ATTRIBUTES, 'memberOf'],
      ...signalOf(context),
    });
  const nodes = new Map<string, { object: DirectoryObject; parentDns: readonly string[] }>();
  const take = (entries: readonly Entry[]) => {
    for (const entry of entries) {
      const object = toDirectoryObject(entry, context.domain.domainSid);
      if (object !== undefined && object.sid !== group.sid) nodes.set(object.sid, { object, parentDns: valuesOf(entry, 'memberOf') });
    }
  };
  take(await search(inChain('memberOf', group.distinguishedName)));
  const groups = [group, ...[...nodes.values()].map((node) => node.object)].filter(
    (object) => object.kind === 'group' && domainSidOf(object.sid) === context.domain.domainSid,
  );
  take(await search(anyOf(...groups.map((nested) => equals('primaryGroupID', String(ridOf(nested.sid)))))));
  return pathsFrom(group, [...nodes.values()]);
}

/** Breadth-first from the group down the parent links (`memberOf` DNs, primary groups), so each member gets its shortest path. */
export function pathsFrom(group: DirectoryObject, nodes: readonly { object: DirectoryObject; parentDns: readonly string[] }[]): MemberThrough[] {
  const childrenOf = new Map<string, { object: DirectoryObject; primary: boolean }[]>();
  const link = (parentSid: string, object: DirectoryObject, primary: boolean) => {
    const children = childrenOf.get(parentSid) ?? [];
    children.push({ object, primary });
    childrenOf.set(parentSid, children);
  };
  const sidByDn = new Map([group, ...nodes.map((node) => node.object)].map((object) => [object.distinguishedName.toLowerCase(), object.sid]));
  const known = new Set(sidByDn.values());
  for (const { object, parentDns } of nodes) {
    for (const dn of parentDns) {
      const parentSid = sidByDn.get(dn.toLowerCase());
      if (parentSid !== undefined) link(parentSid, object, false);
    }
    if (object.primaryGroupSid !== undefined && known.has(object.primaryGroupSid)) link(object.primaryGroupSid, object, true);
  }
  const reached = new Map<string, MemberThrough>();
  let frontier: { group: DirectoryObject; path: DirectoryObject[] }[] = [{ group, path: [] }];
  const visited = new Set([group.sid]);
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const step of frontier) {
      for (const child of childrenOf.get(step.group.sid) ?? []) {
        if (visited.has(child.object.sid)) continue;
        visited.add(child.object.sid);
        reached.set(child.object.sid, { object: child.object, through: step.path, throughPrimaryGroup: child.primary });
        if (child.object.kind === 'group') next.push({ group: child.object, path: [...step.path, child.object] });
      }
    }
    frontier = next;
  }
  return [...reached.values()];
}
