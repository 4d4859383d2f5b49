/** Requests counted in the measured window, their rate, and two latency percentiles. */
export type Summary = {
  readonly count: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
};

/**
 * Summarize per-request latencies recorded over `seconds` of measurement.
 *
 * Percentiles come from the sorted latencies themselves (nearest rank), not from a
 * histogram: a few hundred thousand doubles sort in milliseconds and need no dependency.
 */
export function summarize(latencies: Float64Array, seconds: number): Summary {
  const sorted = Float64Array.from(latencies).sort();
  return { count: sorted.length, perSecond: sorted.length / seconds, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/**
 * The nearest-rank percentile of sorted values (`fraction` 0.99 for p99); NaN when empty.
 *
 * Nearest rank returns a latency that was actually observed, never an interpolation.
 */
export function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/**
 * The run whose `key` is the median of all runs (the lower middle one for an even count).
 *
 * The table shows one whole run, so its rate and percentiles belong together instead of
 * being medians taken from different runs.
 */
export function medianRun<Run>(runs: readonly Run[], key: (run: Run) => number): Run {
  const ordered = [...runs].sort((left, right) => key(left) - key(right));
  const chosen = ordered[Math.floor((ordered.length - 1) / 2)];
  if (chosen === undefined) throw new Error('medianRun needs at least one run.');
  return chosen;
}

/**
 * A rate for the table: whole numbers with thousands separators, one decimal below 10.
 *
 * Single-client write rates can be small, where the decimal still carries information.
 */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return '—';
  return perSecond < 10 ? perSecond.toFixed(1) : Math.round(perSecond).toLocaleString('en-US');
}

/**
 * Milliseconds for the table: two decimals below 10 ms, one above.
 *
 * Loopback latencies of the floor are fractions of a millisecond.
 */
export function formatMilliseconds(milliseconds: number): string {
  if (!Number.isFinite(milliseconds)) return '—';
  return milliseconds < 10 ? milliseconds.toFixed(2) : milliseconds.toFixed(1);
}
