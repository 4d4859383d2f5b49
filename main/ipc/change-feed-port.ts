import type { ConnectorClient } from '../../core/connector/index.ts';

/**
 * The part of the session's service client that live changes use, and nothing else.
 *
 * A port, so the follower's unit tests hand over a small fake; the session's real
 * `ConnectorClient` is one as it is. `followChanges` reconnects and resumes by itself until
 * cancelled or ended; `listAuthorizedAccounts` gives where polling starts when the feed never
 * said the version; `listAuthorizedAccountsIfChanged` answers null while the list is at the ETag.
 */
export type ChangeFeedClient = Pick<ConnectorClient, 'followChanges' | 'listAuthorizedAccounts' | 'listAuthorizedAccountsIfChanged'>;

export type { FeedConnectionState as FeedConnection, FeedOutcome as FeedEnd, FollowChangesOptions as FollowRequest } from '../../core/connector/index.ts';
