import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { median } from '../directory/measure.ts';
import type { BundleSize } from './bundle-size.ts';
import type { ProbeTimes } from './page-probe.ts';

/** The three times each page load yields (ms from navigation start), and the grid's rows in the DOM. */
export type LoadFigures = { readonly rowsMs: number; readonly interactiveMs: number; readonly keyResponseMs: number; readonly rowsInDom: number };

/** The times the table shows. */
export type LoadMedians = Omit<LoadFigures, 'rowsInDom'>;

/** A load's figures from the probe's stamps. */
export function figuresOf(times: ProbeTimes): LoadFigures {
  return { rowsMs: times.rowsAt, interactiveMs: times.selectedAt, keyResponseMs: times.selectedAt - times.keyAt, rowsInDom: times.rowsInDomEnd };
}

/** The median of each time over runs. */
export function medians(runs: readonly LoadFigures[]): LoadMedians {
  return {
    rowsMs: median(runs.map((run) => run.rowsMs)),
    interactiveMs: median(runs.map((run) => run.interactiveMs)),
    keyResponseMs: median(runs.map((run) => run.keyResponseMs)),
  };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ratio = (ours: number, anchor: number) => (anchor > 0 ? `${(ours / anchor).toFixed(1)}×` : '—');

/** The medians of each side. */
export type ComparedFigures = { readonly large: LoadMedians; readonly small: LoadMedians; readonly anchor: LoadMedians };

/** The Markdown table printed at the end (and pasted into bench/README.md). */
export function formatTable(figures: ComparedFigures, consoleSize: BundleSize, anchorSize: BundleSize): string {
  const { large, small, anchor } = figures;
  const row = (label: string, pick: (side: LoadMedians) => number) =>
    `| ${label} | ${ms(pick(large))} | ${ms(pick(small))} | ${ms(pick(anchor))} | ${ratio(pick(large), pick(anchor))} |`;
  return [
    '| metric | console, 5,000 entries | console, 50 entries | anchor: bare Fluent DataGrid, 50 rows | 5,000 ÷ anchor |',
    '| --- | --- | --- | --- | --- |',
    row('navigation → first data row in the DOM', (side) => side.rowsMs),
    row('navigation → ArrowDown has moved `aria-selected` (interactive)', (side) => side.interactiveMs),
    row('ArrowDown → `aria-selected` moved', (side) => side.keyResponseMs),
    `| JS raw / gzip | ${kib(consoleSize.jsRaw)} / ${kib(consoleSize.jsGzip)} | (same bundle) | ${kib(anchorSize.jsRaw)} / ${kib(anchorSize.jsGzip)} | ${ratio(consoleSize.jsGzip, anchorSize.jsGzip)} (gzip) |`,
    `| CSS raw / gzip | ${kib(consoleSize.cssRaw)} / ${kib(consoleSize.cssGzip)} | (same bundle) | ${kib(anchorSize.cssRaw)} / ${kib(anchorSize.cssGzip)} | — |`,
  ].join('\n');
}

/** Write everything as JSON into bench/results/ (git-ignored), like the other benchmarks. */
export async function writeResults(document: Record<string, unknown>, startedAt: Date): Promise<string> {
  const directory = path.join(import.meta.dirname, '..', 'results');
  await mkdir(directory, { recursive: true });
  const file = path.join(
    directory,
    `console-${startedAt
      .toISOString()
      .replaceAll(':', '-')
      .replace(/\.\d+Z$/, 'Z')}.json`,
  );
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}
