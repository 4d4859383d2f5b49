import type { DirectoryObject } from '../../contract/directory.ts';
import type { DirectoryContext } from './find-objects.ts';
import { walkMembers } from './nested-members.ts';

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
 * Every member of a group at any depth, each with its shortest path from the group: the level
 * walk reads each member's `memberOf` as well, and the links between the members found are
 * enough to draw every path in memory, without one more round trip per nested group.
 */
export async function transitiveMembersThrough(context: DirectoryContext, group: DirectoryObject): Promise<MemberThrough[]> {
  return pathsFrom(group, await walkMembers(context, group, true));
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
