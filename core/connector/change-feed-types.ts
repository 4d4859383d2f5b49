import type { ChangeEvent, FeedReadyEvent, FeedReloadEvent } from '../../contract/connector-api/index.ts';

/**
 * Where a follower of the change feed stands, for a status bar or a terminal.
 *
 * `live`: a stream is open and changes arrive as they are committed. `reconnecting`: the stream
 * dropped (or was refused for a while) and the next attempt is at `retryAt`. `unavailable`: the
 * service offers no usable feed (an older service, a proxy that holds the stream back); the
 * follower tries again at `retryAt`, and the caller polls meanwhile.
 */
export type FeedConnectionState = {
  readonly status: 'connecting' | 'live' | 'reconnecting' | 'unavailable';
  /** Why the feed is not live, in a sentence for the admin. */
  readonly reason?: string;
  /** When the next attempt starts (ISO 8601). */
  readonly retryAt?: string;
  /** The node serving the stream, once live. */
  readonly node?: string;
};

/** How long the follower waits between attempts; tests shorten it. */
export type FeedBackoff = {
  /** The first wait after a drop; each failed attempt doubles it (with jitter). Default 500. */
  readonly initialMs: number;
  /** The longest wait after a drop. Default 15000. */
  readonly maxMs: number;
  /** The wait before trying a feed found unavailable again. Default 60000. */
  readonly unavailableMs?: number;
  /** How long after the answer's headers `ready` may take before the feed counts as held back. Default 10000. */
  readonly readyTimeoutMs?: number;
};

/**
 * What to follow and where each event goes.
 *
 * `after` is the last change sequence the caller has seen (from an earlier follow): the feed
 * resumes after it. Every handler runs synchronously, in the order the service sent the events.
 */
export type FollowChangesOptions = {
  readonly after?: number | undefined;
  /** Aborting stops following at once and closes the stream. */
  readonly signal: AbortSignal;
  onReady?(event: FeedReadyEvent): void;
  /** Each committed change exactly once, in sequence order. */
  onChange(event: ChangeEvent): void;
  /** The missed changes could not be replayed: read the list (and audit) again. */
  onReload(event: FeedReloadEvent): void;
  onState(state: FeedConnectionState): void;
  readonly backoff?: FeedBackoff | undefined;
};

/**
 * Why following stopped: the caller cancelled, or the service ended it for good (the token
 * expired, the role was revoked…) with its code and what to do. Anything else is retried.
 */
export type FeedOutcome = { readonly kind: 'cancelled' } | { readonly kind: 'ended'; readonly code: string; readonly message: string };
