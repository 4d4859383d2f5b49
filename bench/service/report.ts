import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DirectoryWait } from './bench-node.ts';
import type { CpuReading } from './cpu-meter.ts';
import { formatMilliseconds, formatRate, type Summary } from './statistics.ts';

/** One scenario of the benchmark: which server, how many clients, which loop. */
export type Scenario = {
  readonly name: string;
  /** `postgres`: one node on PostgreSQL; `cluster`: three such nodes behind HAProxy (both with the directory in memory). */
  readonly target: 'floor' | 'ldap' | 'memory' | 'postgres' | 'cluster';
  readonly clients: number;
  /** `add-remove`: the add loop with each added entry deleted again; `poll`: the read loop with If-None-Match (see LoadLoop). */
  readonly loop: 'read' | 'poll' | 'add' | 'add-remove';
};

/**
 * What one run of a scenario measured, in a form that can be written as JSON.
 *
 * `primary` is what the table shows: the GETs of a read loop, the POSTs of an add loop.
 */
export type ScenarioRun = {
  readonly seconds: number;
  readonly primary: Summary;
  readonly reads: Summary;
  readonly writes: Summary;
  readonly removals: Summary;
  readonly statuses: Readonly<Record<string, number>>;
  readonly directory: DirectoryWait;
  /** CPU time inside the measured window. */
  readonly cpu: CpuReading;
  readonly listBefore: number;
  readonly listAfter: number;
  readonly problems: readonly string[];
};

/** A scenario with all its runs and the median run the table shows. */
export type ScenarioResult = { readonly scenario: Scenario; readonly runs: readonly ScenarioRun[]; readonly median: ScenarioRun };

/**
 * The table: scenario, requests/s, p50, p99, CPU per request and notes, as Markdown pipes.
 *
 * For an add loop the request is its POST (p50 and p99 are the POST's alone) and CPU is per
 * loop iteration. The same text reads in a terminal and pastes into the README as a table.
 */
export function formatTable(results: readonly ScenarioResult[], listBytes: number): string {
  const header = ['scenario', 'clients', 'requests/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'Samba CPU ms/req', 'notes'];
  const cells = results.map(({ scenario, median }) => [
    scenario.name,
    String(scenario.clients),
    formatRate(median.primary.perSecond),
    formatMilliseconds(median.primary.p50),
    formatMilliseconds(median.primary.p99),
    formatMilliseconds(median.cpu.process / median.primary.count),
    formatMilliseconds(median.cpu.samba / median.primary.count),
    scenario.loop === 'read' || scenario.loop === 'poll' ? readNotes(scenario, listBytes) : addNotes(median, scenario.target),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)));
  const line = (values: readonly string[]) => `| ${values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}

/**
 * Every run of every scenario on one line, so the median can be checked against its peers.
 *
 * Three runs are few; showing them all makes a noisy scenario visible.
 */
export function formatRuns(results: readonly ScenarioResult[]): string {
  return results
    .map(({ scenario, runs }) => {
      const each = runs.map(
        (run) => `${formatRate(run.primary.perSecond)}/s p50 ${formatMilliseconds(run.primary.p50)} p99 ${formatMilliseconds(run.primary.p99)}`,
      );
      return `  ${`${scenario.name} ×${scenario.clients}`.padEnd(52)} ${each.join(' | ')}`;
    })
    .join('\n');
}

/**
 * Write the whole result as JSON into bench/results/ (git-ignored) and return the path.
 *
 * Same place and naming as the directory benchmark, so runs can be compared across changes.
 */
export async function writeResults(document: Record<string, unknown>, startedAt: Date): Promise<string> {
  const directory = path.join(import.meta.dirname, '..', 'results');
  await mkdir(directory, { recursive: true });
  const file = path.join(
    directory,
    `service-${startedAt
      .toISOString()
      .replaceAll(':', '-')
      .replace(/\.\d+Z$/, 'Z')}.json`,
  );
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}

function readNotes(scenario: Scenario, listBytes: number): string {
  if (scenario.target === 'floor') return 'no logger, auth, validation or database';
  if (scenario.loop === 'poll') return 'If-None-Match with the current ETag: 304, no body; bearer token';
  return `100 entries (${(listBytes / 1_024).toFixed(1)} KiB), bearer token, 0 LDAP`;
}

function addNotes(run: ScenarioRun, target: Scenario['target']): string {
  const posts = run.writes.count;
  const share = (part: number) => `${((100 * part) / Math.max(1, posts)).toFixed(0)} %`;
  const status = (code: number) => run.statuses[`POST ${code}`] ?? 0;
  const { checks, milliseconds, meanAlongside } = run.directory;
  return [
    `201 ${share(status(201))} / 412 ${share(status(412))}${status(409) > 0 ? ` / 409 ${share(status(409))}` : ''}`,
    `${formatRate(status(201) / run.seconds)} applied/s`,
    `GET p50 ${formatMilliseconds(run.reads.p50)}`,
    ...(run.removals.count > 0 ? [`DELETE p50 ${formatMilliseconds(run.removals.p50)}`] : []),
    `list ${run.listBefore}→${run.listAfter}`,
    target !== 'ldap'
      ? `directory in memory${target === 'memory' ? '' : ', PostgreSQL'}`
      : `directory: ${share(checks)} of POSTs, ${formatMilliseconds(milliseconds / Math.max(1, checks))} ms each, ${meanAlongside.toFixed(1)} others in flight`,
  ].join(' · ');
}
