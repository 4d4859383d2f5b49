import type { ChangeEvent, FeedReadyEvent } from '../../contract/connector-api/index.ts';
import { createConnectorClient, type FeedConnectionState, type FeedOutcome } from '../../core/connector/index.ts';

/** A console's view of the change feed through the balancer, recorded for a verdict. */
export type FeedWatcher = {
  /** The first `ready`: where the watcher started, and the node that served it. */
  readonly started: Promise<FeedReadyEvent>;
  readonly changes: ChangeEvent[];
  readonly states: FeedConnectionState[];
  readonly readies: FeedReadyEvent[];
  readonly reloads: number;
  /** Wait until the watcher has every change up to `sequence`, or `timeoutMs` passed. */
  caughtUp(sequence: number, timeoutMs: number): Promise<void>;
  stop(): Promise<FeedOutcome>;
};

/**
 * Follow the change feed as the console does — core's `followChanges` over TLS with the
 * deployment's CA, reconnecting and resuming by itself — and record everything it hands out.
 */
export function watchFeed(baseUrl: string, caPem: string, token: string): FeedWatcher {
  const client = createConnectorClient({ baseUrl, caPem, proxy: 'none' }).withToken(token);
  const abort = new AbortController();
  const changes: ChangeEvent[] = [];
  const states: FeedConnectionState[] = [];
  const readies: FeedReadyEvent[] = [];
  let reloads = 0;
  let resolveStarted: (ready: FeedReadyEvent) => void = () => undefined;
  const started = new Promise<FeedReadyEvent>((resolve) => {
    resolveStarted = resolve;
  });
  const outcome = client.followChanges({
    signal: abort.signal,
    backoff: { initialMs: 100, maxMs: 1000 },
    onReady: (ready) => {
      readies.push(ready);
      resolveStarted(ready);
    },
    onChange: (event) => changes.push(event),
    onReload: () => {
      reloads += 1;
    },
    onState: (state) => states.push(state),
  });
  return {
    started,
    changes,
    states,
    readies,
    get reloads() {
      return reloads;
    },
    async caughtUp(sequence, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while ((changes.at(-1)?.sequence ?? 0) < sequence && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    },
    async stop() {
      abort.abort();
      const ended = await outcome;
      await client.close();
      return ended;
    },
  };
}

/** What the watcher saw against what was committed: gaps, repeats and disorder, none expected. */
export function judgeFeed(
  watcher: FeedWatcher,
  from: number,
  to: number,
): { received: number; expected: number; missing: number[]; repeated: number[]; outOfOrder: number } {
  const sequences = watcher.changes.map((event) => event.sequence);
  const seen = new Set<number>();
  const repeated: number[] = [];
  for (const sequence of sequences) {
    if (seen.has(sequence)) repeated.push(sequence);
    seen.add(sequence);
  }
  const missing: number[] = [];
  for (let sequence = from + 1; sequence <= to; sequence += 1) if (!seen.has(sequence)) missing.push(sequence);
  const outOfOrder = sequences.filter((sequence, index) => index > 0 && sequence <= (sequences[index - 1] ?? 0)).length;
  return { received: sequences.length, expected: to - from, missing: missing.slice(0, 20), repeated: repeated.slice(0, 20), outOfOrder };
}
