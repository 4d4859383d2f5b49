import type { DirectoryObject, DomainInfo } from '../../contract/directory.ts';
import { OBJECT_ATTRIBUTES, toDirectoryObject } from './directory-object.ts';
import { anyOf, equals, inChain } from './ldap-filter.ts';
import type { LdapSession } from './ldap-session.ts';
import { domainSidOf, ridOf, sidToBuffer } from './sid.ts';

/** The session and domain a membership query runs against. */
export type MembershipContext = { readonly session: LdapSession; readonly domain: DomainInfo; readonly signal?: AbortSignal };

/**
 * Every account in a group, at any depth, primary-group members included.
 *
 * The in-chain rule follows `member` links only. An account whose primaryGroupID names the
 * group, or any group nested in it, is not linked at all (AD keeps that membership out of
 * `member`/`memberOf`), so a second query asks for primaryGroupID in the RIDs of the whole
 * nest. Two searches, however deep the nesting; cycles are harmless to both.
 */
export async function transitiveMembers(context: MembershipContext, group: DirectoryObject): Promise<DirectoryObject[]> {
  const { session, domain } = context;
  const linked = await searchObjects(context, inChain('memberOf', group.distinguishedName));
  const members = new Map(linked.filter((object) => object.sid !== group.sid).map((object) => [object.sid, object]));
  const nestedGroups = [group, ...members.values()].filter((object) => object.kind === 'group' && domainSidOf(object.sid) === domain.domainSid);
  if (nestedGroups.length > 0) {
    const primaryFilter = anyOf(...nestedGroups.map((nested) => equals('primaryGroupID', String(ridOf(nested.sid)))));
    for (const object of await searchObjects({ session, domain, ...signalOf(context) }, primaryFilter)) members.set(object.sid, object);
  }
  return [...members.values()];
}

/**
 * Every group an object belongs to, at any depth, through its primary group too.
 *
 * In-chain over `member` finds the linked groups; the primary group (from primaryGroupID)
 * and the groups that contain it are added with one more in-chain search.
 */
export async function transitiveGroups(context: MembershipContext, object: DirectoryObject): Promise<DirectoryObject[]> {
  const primarySid = object.primaryGroupSid;
  const [linked, primary] = await Promise.all([
    searchObjects(context, inChain('member', object.distinguishedName)),
    primarySid ? searchObjects(context, equals('objectSid', sidToBuffer(primarySid))) : Promise.resolve([]),
  ]);
  const groups = new Map(linked.map((group) => [group.sid, group]));
  const primaryGroup = primary[0];
  if (primaryGroup) {
    groups.set(primaryGroup.sid, primaryGroup);
    for (const group of await searchObjects(context, inChain('member', primaryGroup.distinguishedName))) groups.set(group.sid, group);
  }
  groups.delete(object.sid);
  return [...groups.values()];
}

async function searchObjects(context: MembershipContext, filter: ReturnType<typeof equals>): Promise<DirectoryObject[]> {
  const entries = await context.session.searchAll({
    base: context.domain.defaultNamingContext,
    scope: 'sub',
    filter,
    attributes: OBJECT_ATTRIBUTES,
    ...signalOf(context),
  });
  return entries.flatMap((entry) => toDirectoryObject(entry, context.domain.domainSid) ?? []);
}

function signalOf(context: MembershipContext): { signal?: AbortSignal } {
  return context.signal ? { signal: context.signal } : {};
}
