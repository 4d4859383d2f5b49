import type { AccountProperties } from '../../contract/account-properties.ts';
import type { BrowseEntry, DirectoryObject, DomainInfo, ObjectTypeFilter, Resolution } from '../../contract/directory.ts';
import { readAccountProperties, type AccountPropertiesOptions } from './account-properties.ts';
import { connectAndDiscover } from './connect-and-discover.ts';
import type { DirectoryConnectOptions } from './connect-directory.ts';
import { findObjects, type DirectoryContext } from './find-objects.ts';
import { anyOf, equals } from './ldap-filter.ts';
import type { LdapSession } from './ldap-session.ts';
import { transitiveGroups, transitiveMembers } from './membership.ts';
import { sessionTokenGroupSids, tokenGroupSids } from './token-groups.ts';
import { groupGraphOf, type GroupGraph } from './group-graph.ts';
import { resolveNames } from './resolve-names.ts';
import { browseChildren, searchDirectory, type SearchQuery } from './search-objects.ts';
import { ridOf, sidToBuffer } from './sid.ts';

/** The directory operations the console, the CLI and the policy need, and nothing else. */
export type Directory = {
  readonly domain: DomainInfo;
  readonly serverName: string;
  resolveNames(names: readonly string[], options?: { types?: readonly ObjectTypeFilter[]; signal?: AbortSignal }): Promise<Resolution[]>;
  search(query: SearchQuery, signal?: AbortSignal): AsyncGenerator<DirectoryObject[]>;
  browse(parentDn: string, options?: { containersOnly?: boolean; signal?: AbortSignal }): Promise<BrowseEntry[]>;
  objectBySid(sid: string, signal?: AbortSignal): Promise<DirectoryObject | undefined>;
  /** An account's Properties (ADUC's General, Object, Member Of, Members); undefined when no object has the SID. */
  accountProperties(sid: string, options?: AccountPropertiesOptions & { signal?: AbortSignal }): Promise<AccountProperties | undefined>;
  directMembers(group: DirectoryObject, signal?: AbortSignal): Promise<DirectoryObject[]>;
  transitiveMembers(group: DirectoryObject, signal?: AbortSignal): Promise<DirectoryObject[]>;
  transitiveGroups(object: DirectoryObject, signal?: AbortSignal): Promise<DirectoryObject[]>;
  /** SIDs of the security groups in the object's logon token (nested and primary included). */
  tokenGroupSids(object: DirectoryObject, signal?: AbortSignal): Promise<string[]>;
  /** The groups above an object and how they nest (memberOf upward, the primary group too): for drawing paths. */
  groupGraph(object: DirectoryObject, signal?: AbortSignal): Promise<GroupGraph>;
  /** The SIDs in the token the DC holds for this session (the bound account's own first among them): whom it sees bound. */
  sessionTokenGroupSids(signal?: AbortSignal): Promise<string[]>;
  roundTrips(): number;
  /** The Kerberos principal the DC authenticated, for a session opened with a ticket. */
  kerberosPrincipal(): string | undefined;
  close(): Promise<void>;
};

/**
 * Connect, bind and discover the domain, then offer the directory operations.
 *
 * The one entry point the CLI and the main process use; everything below it is plain
 * functions over a session.
 */
export async function connectDirectory(options: DirectoryConnectOptions): Promise<Directory> {
  const { session, domain, serverName } = await connectAndDiscover(options);
  return createDirectory(session, domain, serverName);
}

/** Build the directory port over an open session (tests and the demo reuse this). */
export function createDirectory(session: LdapSession, domain: DomainInfo, serverName: string): Directory {
  const contextOf = (signal?: AbortSignal): DirectoryContext => ({ session, domain, ...(signal ? { signal } : {}) });
  return {
    domain,
    serverName,
    resolveNames: (names, options = {}) => resolveNames(contextOf(options.signal), names, options.types),
    search: (query, signal) => searchDirectory(contextOf(signal), query),
    browse: (parentDn, options = {}) => browseChildren(contextOf(options.signal), parentDn, options.containersOnly),
    async objectBySid(sid, signal) {
      return (await findObjects(contextOf(signal), equals('objectSid', sidToBuffer(sid))))[0];
    },
    accountProperties: (sid, options = {}) => readAccountProperties(contextOf(options.signal), sid, options),
    directMembers: (group, signal) =>
      findObjects(contextOf(signal), anyOf(equals('memberOf', group.distinguishedName), equals('primaryGroupID', String(ridOf(group.sid))))),
    transitiveMembers: (group, signal) => transitiveMembers(contextOf(signal), group),
    transitiveGroups: (object, signal) => transitiveGroups(contextOf(signal), object),
    tokenGroupSids: (object, signal) => tokenGroupSids(contextOf(signal), object),
    sessionTokenGroupSids: (signal) => sessionTokenGroupSids(contextOf(signal)),
    groupGraph: (object, signal) => groupGraphOf(contextOf(signal), object),
    roundTrips: () => session.roundTrips(),
    kerberosPrincipal: () => session.kerberosPrincipal(),
    close: () => session.close(),
  };
}
