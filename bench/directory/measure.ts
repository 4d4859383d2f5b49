/** What one run counted (entries, round trips…), checked and reported next to its time. */
export type Counts = Readonly<Record<string, number>>;

/** One timed run: wall time plus what the run counted. */
export type Run = { readonly milliseconds: number; readonly counts: Counts };

/** Every timed run of one contender, with the median the table reports. */
export type Series = { readonly runs: readonly Run[]; readonly medianMilliseconds: number };

/** How many timed repetitions follow the single untimed warm-up. */
export const repetitions = 5;

/**
 * Time several contenders interleaved: one warm-up each, then A, B, C, A, B, C…
 *
 * Interleaving puts every contender under the same cache state and background load, so a
 * slow patch on the machine shows up in all series instead of skewing a ratio.
 */
export async function compareInterleaved<Name extends string>(
  contenders: Readonly<Record<Name, () => Promise<Counts>>>,
  log: (line: string) => void,
): Promise<Record<Name, Series>> {
  const names = Object.keys(contenders) as Name[];
  for (const name of names) await contenders[name]();
  const runs = new Map<Name, Run[]>(names.map((name) => [name, []]));
  for (let repetition = 1; repetition <= repetitions; repetition += 1) {
    const line: string[] = [];
    for (const name of names) {
      const run = await timed(contenders[name]);
      runs.get(name)?.push(run);
      line.push(`${name} ${formatMs(run.milliseconds)}`);
    }
    log(`    run ${repetition}/${repetitions}: ${line.join(', ')}`);
  }
  return Object.fromEntries(names.map((name) => [name, seriesOf(runs.get(name) ?? [])])) as Record<Name, Series>;
}

/**
 * The median of some numbers (the mean of the middle two for an even count).
 *
 * The median, not the mean, because one garbage-collection pause or fsync stall should not
 * move a figure.
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/**
 * Milliseconds with one decimal, for progress lines and the table.
 *
 * Accepts undefined so callers can pass `array.at(-1)` without a guard.
 */
export function formatMs(milliseconds: number | undefined): string {
  return milliseconds === undefined ? '?' : `${milliseconds.toFixed(1)} ms`;
}

/**
 * The distinct values one count took across a series' runs.
 *
 * A count that differs between runs means the directory changed under the benchmark.
 */
export function countsOf(series: Series, key: string): number[] {
  return [...new Set(series.runs.map((run) => run.counts[key] ?? Number.NaN))];
}

async function timed(operation: () => Promise<Counts>): Promise<Run> {
  const started = performance.now();
  const counts = await operation();
  return { milliseconds: performance.now() - started, counts };
}

function seriesOf(runs: readonly Run[]): Series {
  return { runs, medianMilliseconds: median(runs.map((run) => run.milliseconds)) };
}
