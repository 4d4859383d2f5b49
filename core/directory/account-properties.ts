import { accountNameOf } from '../../contract/account-name.ts';
import type { AccountList, AccountProperties, AccountRow, MembershipPath } from '../../contract/account-properties.ts';
import type { DirectoryObject } from '../../contract/directory.ts';
import { DirectoryError } from './directory-error.ts';
import { OBJECT_ATTRIBUTES, toDirectoryObject } from './directory-object.ts';
import { firstOf } from './entry-values.ts';
import { findObjects, signalOf, type DirectoryContext } from './find-objects.ts';
import { isoFromGeneralizedTime } from './generalized-time.ts';
import { anyOf, equals } from './ldap-filter.ts';
import { membersByLevel, type ReachedMember } from './nested-members.ts';
import { isSidString, sidToBuffer } from './sid.ts';
import { tokenGroupSids } from './token-groups.ts';

/** What the Properties panel asks for besides the SID. */
export type AccountPropertiesOptions = {
  /** Member Of with the security groups reached through nesting and the primary group (the logon token's groups). */
  readonly transitiveMemberOf?: boolean;
  /** A group's members at any depth, primary-group members of nested groups included. */
  readonly transitiveMembers?: boolean;
  /** Rows kept per list; the count stays exact. */
  readonly limit?: number;
};

/** Rows a list keeps by default: a screenful many times over, a small fraction of Domain Users. */
export const DEFAULT_ACCOUNT_LIST_LIMIT = 500;

const PROPERTIES_ATTRIBUTES = [...OBJECT_ATTRIBUTES, 'description', 'whenCreated', 'whenChanged'];

/**
 * One account's Properties, as Active Directory Users and Computers shows them.
 *
 * The object itself is one search by objectSid (its facts, description and dates); Member Of is
 * one more (`member` names it, or it is the primary group, which `memberOf` never lists), and a
 * group's Members one more. Each list turns transitive on its own (Member Of from the logon
 * token, Members one search per nesting level).
 * A malformed SID is refused before anything is sent.
 */
export async function readAccountProperties(
  context: DirectoryContext,
  sid: string,
  options: AccountPropertiesOptions = {},
): Promise<AccountProperties | undefined> {
  if (!isSidString(sid)) throw new DirectoryError('INVALID_INPUT', 'The account is not given by a SID (S-1-5-21-…).');
  const { domain } = context;
  const [entry] = await context.session.searchAll({
    base: domain.defaultNamingContext,
    scope: 'sub',
    filter: equals('objectSid', sidToBuffer(sid)),
    attributes: PROPERTIES_ATTRIBUTES,
    ...signalOf(context),
  });
  const object = entry === undefined ? undefined : toDirectoryObject(entry, domain.domainSid);
  if (entry === undefined || object === undefined) return undefined;
  const transitiveMemberOf = options.transitiveMemberOf ?? false;
  const transitiveMembers = options.transitiveMembers ?? false;
  const limit = options.limit ?? DEFAULT_ACCOUNT_LIST_LIMIT;
  const [memberOf, members] = await Promise.all([
    memberOfPaths(context, object, transitiveMemberOf),
    object.kind === 'group' ? membersByLevel(context, object, transitiveMembers) : Promise.resolve(undefined),
  ]);
  const description = firstOf(entry, 'description');
  const whenCreated = isoFromGeneralizedTime(firstOf(entry, 'whenCreated'));
  const whenChanged = isoFromGeneralizedTime(firstOf(entry, 'whenChanged'));
  return {
    object,
    accountName: accountNameOf(object, domain.netbiosDomain),
    ...(description === undefined ? {} : { description }),
    ...(whenCreated === undefined ? {} : { whenCreated }),
    ...(whenChanged === undefined ? {} : { whenChanged }),
    memberOf: listOf(memberOf, transitiveMemberOf, limit, domain.netbiosDomain),
    ...(members === undefined ? {} : { members: listOf(members, transitiveMembers, limit, domain.netbiosDomain) }),
  };
}

type Paths = Map<string, ReachedMember>;

/**
 * Member Of: the groups whose `member` names the object, and its primary group. Transitive
 * adds the groups of the logon token (`tokenGroups`: the DC expands nesting and the primary
 * group's parents in one base read, where in-chain searches take seconds), read back by SID in
 * one more search. The token holds security groups only, so nested distribution groups, which
 * grant nothing, are not listed.
 */
async function memberOfPaths(context: DirectoryContext, object: DirectoryObject, transitive: boolean): Promise<Paths> {
  const primarySid = object.primaryGroupSid;
  const directFilter = anyOf(equals('member', object.distinguishedName), ...(primarySid ? [equals('objectSid', sidToBuffer(primarySid))] : []));
  const [direct, nested] = await Promise.all([findObjects(context, directFilter), transitive ? tokenGroupObjects(context, object) : Promise.resolve([])]);
  const paths: Paths = new Map(nested.map((group) => [group.sid, { object: group, path: 'nested' as const }]));
  for (const group of direct) paths.set(group.sid, { object: group, path: group.sid === primarySid ? 'primary' : 'direct' });
  paths.delete(object.sid);
  return paths;
}

async function tokenGroupObjects(context: DirectoryContext, object: DirectoryObject): Promise<DirectoryObject[]> {
  const sids = await tokenGroupSids(context, object);
  return sids.length === 0 ? [] : findObjects(context, anyOf(...sids.map((sid) => equals('objectSid', sidToBuffer(sid)))));
}

function listOf(paths: Paths, transitive: boolean, limit: number, netbiosDomain: string): AccountList {
  const rows = [...paths.values()].map(({ object, path }) => rowOf(object, path, netbiosDomain));
  rows.sort((left, right) => left.accountName.localeCompare(right.accountName, undefined, { sensitivity: 'base' }) || left.sid.localeCompare(right.sid));
  return { transitive, total: rows.length, rows: rows.slice(0, limit) };
}

function rowOf(object: DirectoryObject, path: MembershipPath, netbiosDomain: string): AccountRow {
  return {
    sid: object.sid,
    accountName: accountNameOf(object, netbiosDomain),
    name: object.name,
    kind: object.kind,
    ...(object.group ? { group: object.group } : {}),
    disabled: object.disabled,
    inFolder: object.inFolder,
    path,
  };
}
