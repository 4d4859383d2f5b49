import type { Directory } from '../../core/directory/index.ts';

/**
 * The same directory with one signal passed to every call that does not bring its own.
 *
 * The policy functions (facts, super users, review) take a `Directory` and no signal; handing
 * them this view makes every search they start stop when the admin cancels, instead of
 * running on after the console has answered CANCELLED.
 */
export function directoryWithSignal(directory: Directory, signal: AbortSignal): Directory {
  return {
    domain: directory.domain,
    serverName: directory.serverName,
    resolveNames: (names, options = {}) => directory.resolveNames(names, { ...options, signal: options.signal ?? signal }),
    search: (query, own) => directory.search(query, own ?? signal),
    browse: (parentDn, options = {}) => directory.browse(parentDn, { ...options, signal: options.signal ?? signal }),
    objectBySid: (sid, own) => directory.objectBySid(sid, own ?? signal),
    accountProperties: (sid, options = {}) => directory.accountProperties(sid, { ...options, signal: options.signal ?? signal }),
    directMembers: (group, own) => directory.directMembers(group, own ?? signal),
    transitiveMembers: (group, own) => directory.transitiveMembers(group, own ?? signal),
    transitiveGroups: (object, own) => directory.transitiveGroups(object, own ?? signal),
    tokenGroupSids: (object, own) => directory.tokenGroupSids(object, own ?? signal),
    sessionTokenGroupSids: (own) => directory.sessionTokenGroupSids(own ?? signal),
    groupGraph: (object, own) => directory.groupGraph(object, own ?? signal),
    roundTrips: () => directory.roundTrips(),
    kerberosPrincipal: () => directory.kerberosPrincipal(),
    // The view does not own the connection: the session closes it.
    close: () => Promise.resolve(),
  };
}
