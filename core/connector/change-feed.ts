import { LAST_EVENT_ID_PATTERN } from '../../contract/connector-api/index.ts';
import { ConnectorError } from './connector-error.ts';
import type { FeedBackoff, FeedOutcome, FollowChangesOptions } from './change-feed-types.ts';
import { readFeedConnection } from './feed-connection.ts';
import type { ConnectionEnd, ConnectionHandlers } from './feed-connection.ts';
import type { HttpStream } from './http-transport.ts';
import type { Exchange } from './response-reading.ts';

/** Opens `GET /v1/events`, resuming after `lastEventId` when given. */
export type FeedOpener = {
  readonly exchange: Exchange;
  open(lastEventId: number | undefined, signal: AbortSignal): Promise<HttpStream>;
  /** Removes secrets (the token) from a sentence before it reaches the caller. */
  scrub(text: string): string;
};

/** The waits of {@link FeedBackoff} with every default filled in. */
export type FeedTiming = Required<FeedBackoff>;

/** The waits the follower uses unless told otherwise. */
export const DEFAULT_FEED_TIMING: FeedTiming = { initialMs: 500, maxMs: 15_000, unavailableMs: 60_000, readyTimeoutMs: 10_000 };

/**
 * The wait before reconnect number `attempt + 1`: doubling from `initialMs` up to `maxMs`,
 * each wait between half and all of its step.
 *
 * Jitter keeps consoles dropped together (a node restart) from reconnecting together.
 */
export function reconnectDelayMs(attempt: number, timing: Pick<FeedTiming, 'initialMs' | 'maxMs'>, random: () => number = Math.random): number {
  const step = Math.min(timing.maxMs, timing.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * Follow the change feed until the caller aborts or the service ends it for good.
 *
 * Every drop is resumed from the last change delivered (`Last-Event-ID`), so a change is
 * delivered once and none is skipped; a change the stream repeats is dropped here. The
 * connection state goes to `onState` on every transition, with the reason and the next try.
 * A handler that throws stops following: the stream is closed and the promise rejects with
 * its error (a caller's bug is not a network problem to retry).
 */
export async function followChangeFeed(opener: FeedOpener, options: FollowChangesOptions): Promise<FeedOutcome> {
  if (options.after !== undefined && !LAST_EVENT_ID_PATTERN.test(String(options.after)))
    throw new ConnectorError('INVALID_OPTIONS', 'The change sequence to follow after must be a whole number from 0 up, as a change event gave it.');
  const timing: FeedTiming = { ...DEFAULT_FEED_TIMING, ...options.backoff };
  const { signal } = options;
  let position = options.after;
  let failures = 0;
  let retryFloorMs = 0;
  options.onState({ status: 'connecting' });
  const handlers: ConnectionHandlers = {
    position: () => position,
    moveTo: (sequence) => {
      position = sequence;
    },
    ready: (event) => {
      failures = 0;
      options.onState({ status: 'live', node: event.node });
      options.onReady?.(event);
    },
    change: (event) => {
      options.onChange(event);
    },
    reload: (event) => {
      options.onReload(event);
    },
    retryHint: (milliseconds) => {
      retryFloorMs = milliseconds;
    },
  };
  for (;;) {
    if (signal.aborted) return { kind: 'cancelled' };
    const end = await connectOnce(opener, position, handlers, timing, signal);
    switch (end.kind) {
      case 'cancelled':
        return end;
      case 'ended':
        return { kind: 'ended', code: end.code, message: opener.scrub(end.message) };
      case 'retry': {
        const delay = Math.max(end.retryAfterMs ?? reconnectDelayMs(failures, timing), retryFloorMs);
        failures += 1;
        const retryAt = new Date(Date.now() + delay).toISOString();
        options.onState({ status: 'reconnecting', reason: opener.scrub(end.reason), retryAt });
        if (!(await sleep(delay, signal))) return { kind: 'cancelled' };
        break;
      }
      case 'unavailable': {
        const retryAt = new Date(Date.now() + timing.unavailableMs).toISOString();
        options.onState({ status: 'unavailable', reason: opener.scrub(end.reason), retryAt });
        if (!(await sleep(timing.unavailableMs, signal))) return { kind: 'cancelled' };
        break;
      }
    }
  }
}

async function connectOnce(
  opener: FeedOpener,
  position: number | undefined,
  handlers: ConnectionHandlers,
  timing: FeedTiming,
  signal: AbortSignal,
): Promise<ConnectionEnd> {
  let stream: HttpStream;
  try {
    stream = await opener.open(position, signal);
  } catch (error) {
    if (signal.aborted) return { kind: 'cancelled' };
    if (error instanceof ConnectorError) return { kind: 'retry', reason: error.message };
    throw error;
  }
  return readFeedConnection(stream, opener.exchange, handlers, timing, signal);
}

/** Wait, or stop early when `signal` aborts; true when the wait ran its course. */
function sleep(milliseconds: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const stop = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve(true);
    }, milliseconds);
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}
