import type { HealthCheckResult, HealthReport } from './health-types.ts';

const LABEL: Readonly<Record<HealthCheckResult['status'], string>> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', 'not-run': 'SKIP' };

/**
 * The report as plain text for a ticket or a terminal: a header, one block per check
 * (status, code, title, what was measured, what to do), and the counts.
 *
 * Plain ASCII labels and no colour, so it pastes into any ticket system unchanged.
 */
export function formatHealthReport(report: HealthReport): string {
  const lines = [
    `Deployment health of ${report.connectorUrl}`,
    `Run ${report.startedAt} - ${report.finishedAt} (${String(Math.round(report.durationMs / 100) / 10)} s)${report.cancelled ? ', cancelled' : ''}`,
    '',
  ];
  for (const result of report.results) lines.push(...formatHealthResult(result), '');
  const { pass, warn, fail, notRun } = report.summary;
  lines.push(
    `Result: ${report.overall.toUpperCase()} - ${String(pass)} passed, ${String(warn)} warning(s), ${String(fail)} failed, ${String(notRun)} not run.`,
  );
  return lines.join('\n');
}

/** One check as text lines. */
export function formatHealthResult(result: HealthCheckResult): string[] {
  const lines = [`[${LABEL[result.status]}] ${result.code}: ${result.title}`];
  if (result.notRunReason !== undefined) lines.push(`       Not run: ${result.notRunReason.replace(/^Not run: /, '')}`);
  if (result.measured !== '') lines.push(`       Measured: ${result.measured}`);
  if (result.action !== '') lines.push(`       Action: ${result.action}`);
  return lines;
}
