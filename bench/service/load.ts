import { Worker } from 'node:worker_threads';

/** An account the add loop authorizes: the SID it sends and the name that goes with it. */
export type AccountToAdd = { readonly sid: string; readonly name: string };

/**
 * What each client does in a loop.
 *
 * `read`: GET `path` (with the token when there is one); `conditional` reads it once for its
 * ETag, then polls with `If-None-Match` and expects 304 (the list does not change). `add`: GET the list, then POST one
 * account with `If-Match` set to the ETag just read; a 412 re-reads and retries the same
 * account, a 201 moves on to the next account of the shared pool. With `removeAfterAdd`, a
 * 201 is followed by a DELETE of that entry (If-Match: the 201's ETag), which keeps the list
 * at its starting size: reading the list costs more the longer it is.
 */
export type LoadLoop =
  | { readonly kind: 'read'; readonly path: string; readonly conditional?: boolean }
  | { readonly kind: 'add'; readonly accounts: readonly AccountToAdd[]; readonly removeAfterAdd: boolean };

/** One load run: where, how many clients, how long, and the loop they run. */
export type LoadPlan = {
  readonly origin: string;
  readonly clients: number;
  readonly warmupMilliseconds: number;
  readonly durationMilliseconds: number;
  readonly token?: string;
  readonly loop: LoadLoop;
};

/**
 * What one run recorded inside its measured window.
 *
 * `reads`, `writes` and `removals` are per-request latencies in milliseconds (GET, POST and
 * DELETE); `statuses` counts answers such as `POST 412`; `problems` describes answers no
 * correct service gives (any 5xx, a 4xx other than the contention ones), warm-up included.
 */
export type LoadRun = {
  readonly seconds: number;
  readonly window: LoadWindow;
  readonly reads: Float64Array;
  readonly writes: Float64Array;
  readonly removals: Float64Array;
  readonly statuses: Readonly<Record<string, number>>;
  readonly problems: readonly string[];
};

/** The measured window of a run, as {@link absoluteNow} moments. */
export type LoadWindow = { readonly start: number; readonly end: number };

/** What the worker posts: its window as soon as it starts, then its result. */
export type LoadMessage = { readonly kind: 'window'; readonly window: LoadWindow } | { readonly kind: 'result'; readonly run: LoadRun };

/**
 * A moment as milliseconds since the epoch, comparable across threads.
 *
 * Each thread's `performance.now()` counts from its own origin; adding the origin gives
 * both threads one clock.
 */
export function absoluteNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Run one plan in a worker thread and resolve to what it recorded; `onWindow` learns the
 * measured window as soon as the worker has started, so other meters can be read at its edges.
 *
 * The clients get their own event loop, so the server's loop in this thread is not also
 * busy parsing responses; they still share the machine's cores with the server and Samba,
 * which the README states next to the figures.
 */
export function runLoad(plan: LoadPlan, onWindow: (window: LoadWindow) => void = () => undefined): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: plan });
    let result: LoadRun | undefined;
    worker.on('message', (message: LoadMessage) => {
      if (message.kind === 'window') onWindow(message.window);
      else result = message.run;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`The load worker exited with code ${code} before reporting.`));
    });
  });
}
