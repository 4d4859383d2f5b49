import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from '@playwright/test';
import { median } from '../directory/measure.ts';
import { machineFacts } from '../directory/report.ts';
import { buildRenderer } from '../../e2e/renderer/harness/build-renderer.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, VIEWPORT } from '../../e2e/renderer/harness/chromium.ts';
import type { ConsoleStack } from '../../e2e/renderer/harness/console-stack.ts';
import { dispatchOrThrow } from '../../e2e/renderer/harness/main-process.ts';
import { RENDERER_DIST } from '../../e2e/renderer/harness/paths.ts';
import { serveStaticSite, type StaticSite } from '../../e2e/renderer/harness/static-site.ts';
import { ANCHOR_DIST, buildAnchor } from './build-anchor.ts';
import { bundleSize } from './bundle-size.ts';
import { anchorContender, consoleContender, type Contender } from './contenders.ts';
import { formatTable, medians, writeResults, type LoadFigures } from './report.ts';

const ENTRIES = 5_000;
const SMALL_LIST = 50;
const REPETITIONS = 5;

function log(line: string): void {
  process.stderr.write(`[bench:console] ${line}\n`);
}

/** How long `servers:list` takes through the dispatcher alone, and how big its answer is. */
async function listDiagnostics(stack: ConsoleStack, expected: number): Promise<{ medianMs: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < REPETITIONS; run += 1) {
    const started = performance.now();
    const list = (await dispatchOrThrow(stack.main, 'servers:list', {})) as { entries: unknown[] };
    times.push(performance.now() - started);
    if (list.entries.length !== expected) throw new Error(`servers:list gave ${String(list.entries.length)} entries, expected ${String(expected)}.`);
    bytes = JSON.stringify(list).length;
  }
  return { medianMs: median(times), bytes };
}

/** One warm-up each, then every contender once per round, `REPETITIONS` rounds. */
async function interleaved(contenders: readonly Contender[]): Promise<LoadFigures[][]> {
  for (const contender of contenders) await contender.load();
  const runs: LoadFigures[][] = contenders.map(() => []);
  for (let round = 1; round <= REPETITIONS; round += 1) {
    const line: string[] = [];
    for (const [index, contender] of contenders.entries()) {
      const figures = await contender.load();
      runs[index]?.push(figures);
      line.push(
        `${contender.name}: rows ${figures.rowsMs.toFixed(0)} ms, interactive ${figures.interactiveMs.toFixed(0)} ms, key ${figures.keyResponseMs.toFixed(0)} ms`,
      );
    }
    log(`run ${String(round)}/${String(REPETITIONS)}: ${line.join(' | ')}`);
  }
  return runs;
}

/**
 * `npm run bench:console`: the servers view with 5,000 entries (and with 50, to tell list
 * size from start-up) against a bare Fluent grid of 50 rows — navigation to first row, to a
 * keypress answered, and the keypress alone — plus the renderer's bundle size. Medians of 5
 * interleaved runs after one warm-up each. Reports, never asserts a goal; exits 1 only when
 * a count is wrong.
 */
async function main(): Promise<void> {
  const startedAt = new Date();
  log('building the renderer and the anchor page…');
  await buildRenderer();
  await buildAnchor();
  const consoleSize = await bundleSize(RENDERER_DIST);
  const anchorSize = await bundleSize(ANCHOR_DIST);
  let browser: Browser | undefined;
  let anchorSite: StaticSite | undefined;
  const contenders: Contender[] = [];
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
    log('starting the test DC (or reusing it) and two connector services (5,000 and 50 entries)…');
    const large = await consoleContender(context, ENTRIES);
    contenders.push(large);
    const small = await consoleContender(context, SMALL_LIST);
    contenders.push(small);
    anchorSite = await serveStaticSite(ANCHOR_DIST);
    const anchor = await anchorContender(context, anchorSite.url, SMALL_LIST);
    contenders.push(anchor);
    const list = await listDiagnostics(large.stack, ENTRIES);
    log(`servers:list through the dispatcher: ${list.medianMs.toFixed(1)} ms median, ${(list.bytes / 1024).toFixed(0)} KiB as JSON`);

    const [largeRuns = [], smallRuns = [], anchorRuns = []] = await interleaved(contenders);
    const fromPage = median(await large.timeListFromPage(REPETITIONS));
    const machine = machineFacts();
    const figures = { large: medians(largeRuns), small: medians(smallRuns), anchor: medians(anchorRuns) };
    process.stdout.write(
      [
        `Machine: ${String(machine['cpus'])} cores (${String(machine['cpuModel'])}), Node ${String(machine['node'])}, Chromium ${browser.version()}`,
        `Medians of ${String(REPETITIONS)} interleaved runs after one warm-up; times from navigation start (page clock).`,
        '',
        formatTable(figures, consoleSize, anchorSize),
        '',
        `Diagnostics: servers:list through the dispatcher ${list.medianMs.toFixed(1)} ms, from the page through the test bridge ${fromPage.toFixed(1)} ms (medians of ${String(REPETITIONS)}), ${(list.bytes / 1024).toFixed(0)} KiB as JSON; ` +
          `grid rows in the DOM after the keypress (5,000 entries): ${largeRuns.map((run) => String(run.rowsInDom)).join(', ')}`,
        '',
      ].join('\n'),
    );
    const file = await writeResults(
      {
        startedAt: startedAt.toISOString(),
        machine,
        chromium: browser.version(),
        entries: ENTRIES,
        smallList: SMALL_LIST,
        largeRuns,
        smallRuns,
        anchorRuns,
        figures,
        consoleSize,
        anchorSize,
        list,
        listFromPageMs: fromPage,
      },
      startedAt,
    );
    log(`results written to ${file}`);
  } finally {
    for (const contender of contenders) await contender.close().catch(() => undefined);
    await anchorSite?.close();
    await browser?.close();
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`[bench:console] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
