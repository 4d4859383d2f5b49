/**
 * The directory layer's public surface: connect, then use the {@link Directory} port.
 *
 * Callers outside this folder import from here only, so the LDAP library stays private to it.
 */
export { connectDirectory, createDirectory, type Directory } from './directory-service.ts';
export type { ConnectOptions, DirectoryConnectOptions, DiscoveryResolver, KerberosConnectOptions } from './connect-directory.ts';
export { createDiscoveryResolver } from './dns-resolver.ts';
export { verifyCredentials } from './verify-credentials.ts';
export { kerberosIdentityOf, type KerberosIdentity } from './kerberos-identity.ts';
export type { GraphGroup, GroupGraph } from './group-graph.ts';
export { DirectoryError, DIRECTORY_ERROR_MESSAGES, type DirectoryErrorCode } from './directory-error.ts';
export { DEFAULT_ACCOUNT_LIST_LIMIT, type AccountPropertiesOptions } from './account-properties.ts';
export type { SearchQuery } from './search-objects.ts';
export { MAX_NAMES_PER_CALL } from './resolve-names.ts';
export { escapeFilterValue } from './filter-escape.ts';
export { escapeDnValue, formatDn, parseDn } from './dn.ts';
export { broadPrincipalOf } from './well-known-principals.ts';
