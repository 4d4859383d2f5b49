import { accountNameOf } from '../../contract/account-name.ts';
import type { AccountList, AccountProperties, AccountRow, MembershipPath } from '../../contract/account-properties.ts';
import type { DirectoryObject } from '../../contract/directory.ts';
import { DirectoryError } from './directory-error.ts';
import { OBJECT_ATTRIBUTES, toDirectoryObject } from './directory-object.ts';
import { firstOf } from './entry-values.ts';
import { findObjects, signalOf, type DirectoryContext } from './find-objects.ts';
import { isoFromGeneralizedTime } from './generalized-time.ts';
import { anyOf, equals } from './ldap-filter.ts';
import { transitiveGroups, transitiveMembers } from './membership.ts';
import { domainSidOf, isSidString, ridOf, sidToBuffer } from './sid.ts';

/** What the Properties panel asks for besides the SID. */
export type AccountPropertiesOptions = {
  /** Nested groups too (Member Of through nesting and the primary group's parents; every member at any depth). */
  readonly transitive?: boolean;
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
 * group's Members one more. Transitive lists reuse the in-chain searches of `membership.ts`.
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
  const transitive = options.transitive ?? false;
  const limit = options.limit ?? DEFAULT_ACCOUNT_LIST_LIMIT;
  const toList = (paths: Map<string, { object: DirectoryObject; path: MembershipPath }>): AccountList => listOf(paths, transitive, limit, domain.netbiosDomain);
  const [memberOf, members] = await Promise.all([
    memberOfPaths(context, object, transitive),
    object.kind === 'group' ? memberPaths(context, object, transitive) : Promise.resolve(undefined),
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
    memberOf: toList(memberOf),
    ...(members === undefined ? {} : { members: toList(members) }),
  };
}

type Paths = Map<string, { object: DirectoryObject; path: MembershipPath }>;

async function memberOfPaths(context: DirectoryContext, object: DirectoryObject, transitive: boolean): Promise<Paths> {
  const primarySid = object.primaryGroupSid;
  const directFilter = anyOf(equals('member', object.distinguishedName), ...(primarySid ? [equals('objectSid', sidToBuffer(primarySid))] : []));
  const [direct, nested] = await Promise.all([findObjects(context, directFilter), transitive ? transitiveGroups(context, object) : Promise.resolve([])]);
  const paths: Paths = new Map(nested.map((group) => [group.sid, { object: group, path: 'nested' as const }]));
  for (const group of direct) paths.set(group.sid, { object: group, path: group.sid === primarySid ? 'primary' : 'direct' });
  paths.delete(object.sid);
  return paths;
}

async function memberPaths(context: DirectoryContext, group: DirectoryObject, transitive: boolean): Promise<Paths> {
  // primaryGroupID holds a RID of the account's own domain: a builtin group is nobody's primary group.
  const canBePrimary = domainSidOf(group.sid) === context.domain.domainSid;
  const directFilter = anyOf(equals('memberOf', group.distinguishedName), ...(canBePrimary ? [equals('primaryGroupID', String(ridOf(group.sid)))] : []));
  const [direct, nested] = await Promise.all([findObjects(context, directFilter), transitive ? transitiveMembers(context, group) : Promise.resolve([])]);
  const paths: Paths = new Map(nested.map((member) => [member.sid, { object: member, path: 'nested' as const }]));
  for (const member of direct) paths.set(member.sid, { object: member, path: member.primaryGroupSid === group.sid ? 'primary' : 'direct' });
  paths.delete(group.sid);
  return paths;
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
