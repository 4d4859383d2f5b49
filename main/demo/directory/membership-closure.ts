import { domainSidOf } from '../../../core/directory/sid.ts';
import { sidOf, textOf, type DirectoryEntry, type DirectoryStore } from './directory-store.ts';

/**
 * Keys of every object below a group through `member` links, at any depth.
 *
 * Primary-group membership is not a link, so it is not followed: that is what AD's in-chain
 * rule does, and why the console asks for primaryGroupID separately. Cycles end the walk.
 */
export function transitiveMemberKeys(store: DirectoryStore, group: DirectoryEntry): ReadonlySet<string> {
  const seen = new Set<string>();
  const queue = [group];
  while (queue.length > 0) {
    const current = queue.pop() as DirectoryEntry;
    for (const member of store.membersOf(current)) {
      if (seen.has(member.key)) continue;
      seen.add(member.key);
      queue.push(member);
    }
  }
  return seen;
}

/**
 * Keys of every group above an object through `member` links, and optionally through primary
 * groups (the logon token's view). `securityOnly` skips distribution groups, which a token
 * never carries and never expands.
 */
export function transitiveGroupKeys(
  store: DirectoryStore,
  object: DirectoryEntry,
  options: { followPrimaryGroup: boolean; securityOnly?: boolean },
): ReadonlySet<string> {
  return new Set(transitiveGroups(store, object, options).map((group) => group.key));
}

/** The groups of {@link transitiveGroupKeys}, as entries. */
export function transitiveGroups(
  store: DirectoryStore,
  object: DirectoryEntry,
  options: { followPrimaryGroup: boolean; securityOnly?: boolean },
): DirectoryEntry[] {
  const seen = new Map<string, DirectoryEntry>();
  const queue = [object];
  while (queue.length > 0) {
    const current = queue.pop() as DirectoryEntry;
    const parents = [...store.groupsOf(current)];
    if (options.followPrimaryGroup) {
      const primary = primaryGroupOf(store, current);
      if (primary) parents.push(primary);
    }
    for (const group of parents) {
      if (seen.has(group.key) || (options.securityOnly && !isSecurityGroup(group))) continue;
      seen.set(group.key, group);
      queue.push(group);
    }
  }
  seen.delete(object.key);
  return [...seen.values()];
}

function primaryGroupOf(store: DirectoryStore, entry: DirectoryEntry): DirectoryEntry | undefined {
  const rid = textOf(entry, 'primaryGroupID');
  const sid = sidOf(entry);
  if (rid === undefined || sid === undefined) return undefined;
  return store.bySid(`${domainSidOf(sid)}-${rid}`);
}

function isSecurityGroup(entry: DirectoryEntry): boolean {
  const groupType = Number(textOf(entry, 'groupType') ?? 0);
  return ((groupType >>> 0) & 0x8000_0000) !== 0;
}
