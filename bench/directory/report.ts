import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import path from 'node:path';
import { countsOf, formatMs, type Series } from './measure.ts';

/** One line of the final table. `met` is undefined for rows that only explain another. */
export type Row = {
  readonly metric: string;
  readonly ours: string;
  readonly anchor: string;
  readonly ratio: string;
  readonly goal: string;
  readonly met: boolean | undefined;
};

/** A count that came out wrong: the run is reported, then the process exits non-zero. */
export type Problem = string;

/**
 * A problem unless every run of the series counted exactly `expected` for `key`.
 *
 * A count that differs between runs means the directory changed under the benchmark.
 */
export function expectCount(what: string, series: Series, key: string, expected: number): Problem[] {
  const seen = countsOf(series, key);
  return seen.length === 1 && seen[0] === expected ? [] : [`${what}: ${key} was ${seen.join(' / ')} across runs, expected ${expected}`];
}

/**
 * Build a row comparing two numbers, with the ratio ours/anchor and its goal.
 *
 * `goal` is judged on the ratio; pass undefined for diagnostic rows.
 */
export function ratioRow(
  metric: string,
  ours: number,
  anchor: number,
  format: (value: number) => string,
  goal?: { text: string; test: (ratio: number) => boolean },
): Row {
  const ratio = ours / anchor;
  return {
    metric,
    ours: format(ours),
    anchor: format(anchor),
    ratio: `${ratio.toFixed(2)}×`,
    goal: goal?.text ?? '—',
    met: goal ? goal.test(ratio) : undefined,
  };
}

/**
 * The table as aligned plain text, for a terminal and for pasting into the README.
 *
 * Markdown pipes so the same text renders as a table on GitHub.
 */
export function formatTable(rows: readonly Row[]): string {
  const header = ['metric', 'ours', 'anchor', 'ratio', 'goal', 'met?'];
  const cells = rows.map((row) => [row.metric, row.ours, row.anchor, row.ratio, row.goal, row.met === undefined ? '—' : row.met ? 'yes' : 'NO']);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)));
  const line = (values: readonly string[]) => `| ${values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}

/**
 * Every timed run of every series, one line each, so a median can be checked by eye.
 *
 * A benchmark's median alone hides a bimodal series; the raw runs show it.
 */
export function formatRuns(series: Readonly<Record<string, Series>>): string {
  return Object.entries(series)
    .map(([name, { runs, medianMilliseconds }]) => {
      const times = runs.map((run) => formatMs(run.milliseconds)).join(', ');
      const counts = JSON.stringify(runs[0]?.counts ?? {});
      return `  ${name.padEnd(34)} median ${formatMs(medianMilliseconds).padStart(10)}  runs [${times}]  counts ${counts}`;
    })
    .join('\n');
}

/**
 * The machine the figures came from; figures without it cannot be compared later.
 *
 * Samba, Node and ldapsearch share these cores, which the README points out.
 */
export function machineFacts(): Record<string, string | number> {
  const processors = cpus();
  return { cpus: processors.length, cpuModel: processors[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}` };
}

/**
 * Write the results as JSON into bench/results/ (git-ignored) and return the file's path.
 *
 * The timestamp in the name keeps every run, so figures can be compared across changes.
 */
export async function writeResults(document: Record<string, unknown>, startedAt: Date): Promise<string> {
  const directory = path.join(import.meta.dirname, '..', 'results');
  await mkdir(directory, { recursive: true });
  const file = path.join(
    directory,
    `directory-${startedAt
      .toISOString()
      .replaceAll(':', '-')
      .replace(/\.\d+Z$/, 'Z')}.json`,
  );
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}
