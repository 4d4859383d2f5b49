/**
 * The typed client of the connector configuration service: the console's only way to read
 * and change the shared configuration.
 */
export { createConnectorClient } from './connector-client.ts';
export { readServiceCaFile } from './client-options.ts';
export type { ConnectorClientOptions } from './client-options.ts';
export type {
  AddOptions,
  AuditFilter,
  AuthorizedAccountListing,
  CallOptions,
  ConnectorClient,
  NewAuthorizedAccountInput,
  Versioned,
  WriteOptions,
} from './connector-client-types.ts';
export type { KerberosSignInInput } from './kerberos-sign-in.ts';
export type { FeedBackoff, FeedConnectionState, FeedOutcome, FollowChangesOptions } from './change-feed-types.ts';
export { describeChange } from './change-summary.ts';
export { CONNECTOR_CLIENT_ERROR_CODES, ConnectorError } from './connector-error.ts';
export type { ConnectorClientErrorCode, ConnectorErrorCode, ConnectorErrorFields, ConnectorErrorJson } from './connector-error.ts';
export type { ProxyOption } from './proxy-settings.ts';
