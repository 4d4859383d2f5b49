import type { ConsoleEvent, LiveFeedState } from '../../contract/console-events.ts';
import type { ChangeEvent } from '../../contract/connector-api/index.ts';
import { ConnectorError } from '../../core/connector/index.ts';
import type { ChangeFeedClient, FeedConnection } from './change-feed-port.ts';
import { SESSION_ENDING_CODES } from './error-mapping.ts';
import { toLiveChange } from './live-change.ts';

/** How often the list is checked while the feed cannot be used. */
export const DEFAULT_POLL_INTERVAL_MS = 30_000;
/** How long to wait before following again after the client itself failed (not a dropped stream: it retries those). */
const DEFAULT_RESTART_DELAY_MS = 5_000;

/** The timings of live changes; tests shorten them. */
export type LiveChangesTimings = {
  readonly pollIntervalMs?: number | undefined;
  readonly restartDelayMs?: number | undefined;
  /** The client's reconnect backoff (its defaults when absent). */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number } | undefined;
};

/** What {@link createLiveChanges} needs. */
export type LiveChangesOptions = LiveChangesTimings & {
  readonly publish: (event: ConsoleEvent) => void;
  /** Tells a change in a sentence without its time (core's `describeChange`). */
  readonly describe: (event: ChangeEvent) => string;
  readonly log?: ((line: Record<string, unknown>) => void) | undefined;
  readonly now?: (() => Date) | undefined;
};

/** Following the feed for the signed-in session: start, stop, and where it stands. */
export type LiveChanges = {
  /** Follow through this client (the session's), stopping whatever was followed before. */
  follow(client: ChangeFeedClient): void;
  /** Stop following; with a client, only if that is the one followed (a replaced session's close). */
  stop(client?: ChangeFeedClient): void;
  /** The state last published, or null when nothing is followed (signed out). */
  status(): LiveFeedState | null;
};

type Run = {
  readonly client: ChangeFeedClient;
  readonly controller: AbortController;
  lastSequence: number | undefined;
  listVersion: number | undefined;
  pollTimer: ReturnType<typeof setTimeout> | undefined;
};

/**
 * Live changes for the console: follow the service's feed while signed in, poll when it cannot.
 *
 * The client reconnects with backoff and resumes by sequence on its own; should following
 * itself fail, it starts again after the last sequence seen. While the client says the feed
 * is `unavailable`, the list is checked with `If-None-Match` every `pollIntervalMs` and a
 * moved version is pushed as `reload` (a poll cannot say who changed what); polling stops as
 * soon as the feed is live again. An `ended` feed (token expired, role revoked) is final.
 */
export function createLiveChanges(options: LiveChangesOptions): LiveChanges {
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const restartDelayMs = options.restartDelayMs ?? DEFAULT_RESTART_DELAY_MS;
  const log = options.log ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  let current: Run | undefined;
  let state: LiveFeedState | null = null;

  const setState = (run: Run, next: LiveFeedState): void => {
    if (current !== run || JSON.stringify(next) === JSON.stringify(state)) return;
    state = next;
    options.publish({ kind: 'feed-state', state: next });
  };
  const reload = (run: Run, listVersion: number, message: string): void => {
    if (current === run) options.publish({ kind: 'reload', listVersion, at: now().toISOString(), message });
  };
  const stopPolling = (run: Run): void => {
    clearTimeout(run.pollTimer);
    run.pollTimer = undefined;
  };

  const pollOnce = async (run: Run): Promise<void> => {
    const signal = run.controller.signal;
    if (run.listVersion === undefined) {
      run.listVersion = (await run.client.listAuthorizedAccounts({ signal })).list.version;
      return;
    }
    // The feed's list version is the list's ETag without its quotes (contract/connector-api/events.ts).
    const listing = await run.client.listAuthorizedAccountsIfChanged(`"${String(run.listVersion)}"`, { signal });
    if (listing === null || listing.list.version === run.listVersion) return;
    run.listVersion = listing.list.version;
    reload(run, listing.list.version, `The list changed on the service (now version ${String(listing.list.version)}).`);
  };
  const schedulePoll = (run: Run, delayMs: number): void => {
    run.pollTimer = setTimeout(() => {
      void pollOnce(run)
        .catch((error: unknown) => {
          if (run.controller.signal.aborted) return;
          log({ event: 'live-changes-poll-failed', code: error instanceof ConnectorError ? error.code : 'UNEXPECTED' });
          if (error instanceof ConnectorError && SESSION_ENDING_CODES.has(error.code)) end(run, error.code, error.message);
        })
        .finally(() => {
          if (run.pollTimer !== undefined && !run.controller.signal.aborted) schedulePoll(run, pollIntervalMs);
        });
    }, delayMs);
  };
  const end = (run: Run, code: string, message: string): void => {
    stopPolling(run);
    run.controller.abort();
    setState(run, { status: 'ended', code, message });
  };

  const onState = (run: Run, connection: FeedConnection): void => {
    const polling = run.pollTimer !== undefined;
    switch (connection.status) {
      case 'live':
        stopPolling(run);
        setState(run, { status: 'live', ...(connection.node === undefined ? {} : { node: connection.node }) });
        return;
      case 'unavailable':
        if (!polling) schedulePoll(run, 0);
        setState(run, {
          status: 'polling',
          reason: connection.reason ?? 'The service offers no change feed.',
          intervalSeconds: Math.max(1, Math.round(pollIntervalMs / 1000)),
        });
        return;
      case 'connecting':
      case 'reconnecting':
        // While polling, the client's next attempt changes nothing the admin can see.
        if (polling) return;
        if (connection.status === 'connecting' && state?.status !== 'live' && state?.status !== 'reconnecting') {
          setState(run, { status: 'connecting' });
          return;
        }
        setState(run, {
          status: 'reconnecting',
          reason: connection.reason ?? 'The connection to the service dropped.',
          ...(connection.retryAt === undefined ? {} : { retryAt: connection.retryAt }),
        });
        return;
    }
  };

  const followOnce = (run: Run) =>
    run.client.followChanges({
      after: run.lastSequence,
      signal: run.controller.signal,
      ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
      onReady(ready) {
        const moved = run.listVersion !== undefined && ready.replaying === 0 && ready.listVersion !== run.listVersion;
        run.lastSequence = Math.max(run.lastSequence ?? 0, ready.sequence);
        if (moved) reload(run, ready.listVersion, `The list changed while live updates were off (now version ${String(ready.listVersion)}).`);
        run.listVersion = ready.listVersion;
      },
      onChange(event) {
        run.lastSequence = event.sequence;
        run.listVersion = event.listVersion;
        if (current === run) options.publish({ kind: 'change', change: toLiveChange(event, options.describe) });
      },
      onReload(event) {
        run.lastSequence = event.sequence;
        run.listVersion = event.listVersion;
        reload(run, event.listVersion, event.message);
      },
      onState: (connection) => {
        onState(run, connection);
      },
    });

  const loop = async (run: Run): Promise<void> => {
    const signal = run.controller.signal;
    const stopped = (): boolean => signal.aborted;
    while (!stopped()) {
      try {
        const outcome = await followOnce(run);
        if (outcome.kind === 'ended') end(run, outcome.code, outcome.message);
        return;
      } catch (error) {
        if (stopped()) return;
        log({ event: 'live-changes-failed', code: error instanceof ConnectorError ? error.code : 'UNEXPECTED' });
        const retryAt = new Date(now().getTime() + restartDelayMs).toISOString();
        if (run.pollTimer === undefined) setState(run, { status: 'reconnecting', reason: 'Following the changes failed; trying again.', retryAt });
        await delay(restartDelayMs, signal);
      }
    }
  };

  const stop = (client?: ChangeFeedClient): void => {
    const run = current;
    if (run === undefined || (client !== undefined && run.client !== client)) return;
    current = undefined;
    state = null;
    stopPolling(run);
    run.controller.abort();
  };

  return {
    follow(client) {
      stop();
      const run: Run = { client, controller: new AbortController(), lastSequence: undefined, listVersion: undefined, pollTimer: undefined };
      current = run;
      setState(run, { status: 'connecting' });
      void loop(run);
    },
    stop,
    status: () => state,
  };
}

function delay(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, milliseconds);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
