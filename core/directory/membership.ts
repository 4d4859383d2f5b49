import type { DirectoryObject } from '../../contract/directory.ts';
import { findObjects, type DirectoryContext } from './find-objects.ts';
import { anyOf, equals, inChain } from './ldap-filter.ts';
import { domainSidOf, ridOf, sidToBuffer } from './sid.ts';

/**
 * Every account in a group, at any depth, primary-group members included.
 *
 * The in-chain rule follows `member` links only. An account whose primaryGroupID names the
 * group, or any group nested in it, is not linked at all (AD keeps that membership out of
 * `member`/`memberOf`), so a second query asks for primaryGroupID in the RIDs of the whole
 * nest. Two searches, however deep the nesting; cycles are harmless to both.
 */
export async function transitiveMembers(context: DirectoryContext, group: DirectoryObject): Promise<DirectoryObject[]> {
  const { domain } = context;
  const linked = await findObjects(context, inChain('memberOf', group.distinguishedName));
  const members = new Map(linked.filter((object) => object.sid !== group.sid).map((object) => [object.sid, object]));
  const nestedGroups = [group, ...members.values()].filter((object) => object.kind === 'group' && domainSidOf(object.sid) === domain.domainSid);
  if (nestedGroups.length > 0) {
    const primaryFilter = anyOf(...nestedGroups.map((nested) => equals('primaryGroupID', String(ridOf(nested.sid)))));
    for (const object of await findObjects(context, primaryFilter)) members.set(object.sid, object);
  }
  return [...members.values()];
}

/**
 * Every group an object belongs to, at any depth, through its primary group too.
 *
 * In-chain over `member` finds the linked groups; the primary group (from primaryGroupID)
 * and the groups that contain it are added with one more in-chain search.
 */
export async function transitiveGroups(context: DirectoryContext, object: DirectoryObject): Promise<DirectoryObject[]> {
  const primarySid = object.primaryGroupSid;
  const [linked, primary] = await Promise.all([
    findObjects(context, inChain('member', object.distinguishedName)),
    primarySid ? findObjects(context, equals('objectSid', sidToBuffer(primarySid))) : Promise.resolve([]),
  ]);
  const groups = new Map(linked.map((group) => [group.sid, group]));
  const primaryGroup = primary[0];
  if (primaryGroup) {
    groups.set(primaryGroup.sid, primaryGroup);
    for (const group of await findObjects(context, inChain('member', primaryGroup.distinguishedName))) groups.set(group.sid, group);
  }
  groups.delete(object.sid);
  return [...groups.values()];
}
