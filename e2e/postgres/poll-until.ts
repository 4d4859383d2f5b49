import { setTimeout as delay } from 'node:timers/promises';

/**
 * Call `check` every `intervalMs` until it returns a value other than `undefined`, and return that value.
 *
 * Replication and promotion finish asynchronously (WAL replay, the standby's walreceiver
 * connecting); polling with a deadline turns "never happened" into an error that `describeTimeout`
 * explains, instead of a hang. A `check` that throws is retried too (a server still starting
 * refuses connections), and its last error becomes the timeout error's cause.
 */
export async function pollUntil<T>(
  check: () => Promise<T | undefined>,
  options: { readonly timeoutMs: number; readonly intervalMs?: number; readonly describeTimeout: () => Promise<string> },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(await options.describeTimeout(), { cause: lastError });
    await delay(options.intervalMs ?? 100);
  }
}
