import type { ChangeEvent, FeedReadyEvent, FeedReloadEvent } from '../../../contract/connector-api/index.ts';
import type { FeedBackoff, FeedConnectionState, FeedOutcome } from '../change-feed-types.ts';
import type { ConnectorClient } from '../connector-client-types.ts';

/** Short waits for tests: reconnects in milliseconds, "unavailable" retried after 200 ms. */
export const TEST_BACKOFF: FeedBackoff = { initialMs: 20, maxMs: 100, unavailableMs: 200, readyTimeoutMs: 2_000 };

/** A running `followChanges` and everything it reported so far. */
export type FollowerRecord = {
  readonly outcome: Promise<FeedOutcome>;
  readonly ready: FeedReadyEvent[];
  readonly changes: ChangeEvent[];
  readonly reloads: FeedReloadEvent[];
  readonly states: (FeedConnectionState & { readonly at: number })[];
  readonly controller: AbortController;
};

/** Start following with handlers that record, for assertions on the whole sequence. */
export function recordFollower(client: ConnectorClient, options: { readonly after?: number; readonly backoff?: FeedBackoff } = {}): FollowerRecord {
  const controller = new AbortController();
  const ready: FeedReadyEvent[] = [];
  const changes: ChangeEvent[] = [];
  const reloads: FeedReloadEvent[] = [];
  const states: (FeedConnectionState & { at: number })[] = [];
  const outcome = client.followChanges({
    ...(options.after === undefined ? {} : { after: options.after }),
    signal: controller.signal,
    backoff: options.backoff ?? TEST_BACKOFF,
    onReady: (event) => ready.push(event),
    onChange: (event) => changes.push(event),
    onReload: (event) => reloads.push(event),
    onState: (state) => states.push({ ...state, at: Date.now() }),
  });
  return { outcome, ready, changes, reloads, states, controller };
}

/** Wait until `condition` holds, checking every 10 ms; fails after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, timeoutMs = 5_000, what = 'the condition'): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${String(timeoutMs)} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A `ready` event as the service sends it. */
export function readyAt(sequence: number, overrides: Partial<FeedReadyEvent> = {}): FeedReadyEvent {
  return {
    sequence,
    listVersion: sequence,
    replaying: 0,
    node: 'RMSCON01',
    heartbeatSeconds: 15,
    expiresAt: '2030-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A `change` event adding one FCI entry, as the service sends it. */
export function changeAt(sequence: number, node = 'RMSCON01'): ChangeEvent {
  return {
    sequence,
    listVersion: sequence,
    at: '2026-12-06T10:42:00.000Z',
    actor: 'CORP\\bob',
    actorSid: 'S-1-5-21-1-2-3-1107',
    source: '10.0.0.5',
    node,
    correlationId: `change-${String(sequence)}`,
    records: [{ action: 'authorized-account.add', target: `CORP\\FS${String(sequence)}$ (fci)`, before: null, after: null }],
  };
}
