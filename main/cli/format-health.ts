import { formatHealthResult, type HealthReport } from '../../core/health/index.ts';

type Status = HealthReport['results'][number]['status'];

/** Worst first: what failed, what to look at, what could not be checked, then what passed. */
const STATUS_ORDER: Readonly<Record<Status, number>> = { fail: 0, warn: 1, 'not-run': 2, pass: 3 };

/**
 * The health report for a terminal: worst checks first, and the checks that wait for sign-in
 * on one line instead of one block each.
 *
 * Core's `formatHealthReport` keeps the run order (for tickets); at a prompt the admin wants
 * what is wrong at the top. `signInReason` is the reason the CLI gave core when no session
 * was open; checks not run for exactly that reason are gathered.
 */
export function formatHealthForCli(report: HealthReport, signInReason: string | undefined): string {
  const waiting = report.results.filter(
    (result) => result.status === 'not-run' && signInReason !== undefined && result.notRunReason?.includes(signInReason) === true,
  );
  const shown = report.results
    .filter((result) => !waiting.includes(result))
    .map((result, index) => ({ result, index }))
    .sort((left, right) => STATUS_ORDER[left.result.status] - STATUS_ORDER[right.result.status] || left.index - right.index)
    .map(({ result }) => result);
  const lines = [
    `Deployment health of ${report.connectorUrl}`,
    `Run ${report.startedAt} - ${report.finishedAt} (${String(Math.round(report.durationMs / 100) / 10)} s)${report.cancelled ? ', cancelled' : ''}`,
    '',
  ];
  const beforeSkipped = shown.filter((result) => STATUS_ORDER[result.status] < STATUS_ORDER['not-run']);
  for (const result of beforeSkipped) lines.push(...formatHealthResult(result), '');
  if (waiting.length > 0 && signInReason !== undefined)
    lines.push(`[SKIP] ${String(waiting.length)} checks need sign-in (${waiting.map((result) => result.code).join(', ')}): ${signInReason}`, '');
  for (const result of shown.slice(beforeSkipped.length)) lines.push(...formatHealthResult(result), '');
  const { pass, warn, fail, notRun } = report.summary;
  lines.push(
    `Result: ${report.overall.toUpperCase()} - ${String(pass)} passed, ${String(warn)} warning(s), ${String(fail)} failed, ${String(notRun)} not run.`,
  );
  return lines.join('\n');
}
