import { parseConnectorUrl } from './connector-url.ts';
import { createHealthContext, type HealthDependencies, type HealthInput } from './health-context.ts';
import { DEPLOYMENT_CHECKS } from './health-checks.ts';
import { runHealthChecks, type RunnerOptions } from './health-runner.ts';
import type { HealthCheckResult, HealthReport, HealthSummary } from './health-types.ts';

/** How one run behaves: cancellation, progress, limits and the outside world. */
export type DeploymentHealthOptions = RunnerOptions & { readonly dependencies?: HealthDependencies };

/**
 * Run every deployment check against a connector URL and return the report.
 *
 * Throws `HealthInputError` for a connector URL that cannot be used, before anything
 * connects; every other problem is a check result. A cancelled run still returns a report,
 * with the checks it did not finish as `not-run`.
 */
export async function runDeploymentHealth(input: HealthInput, options: DeploymentHealthOptions = {}): Promise<HealthReport> {
  const connectorUrl = parseConnectorUrl(input.connectorUrl);
  const now = options.dependencies?.now ?? (() => new Date());
  const startedAt = now();
  const started = performance.now();
  const signal = options.signal ?? new AbortController().signal;
  const context = createHealthContext(input, connectorUrl, options.dependencies ?? {}, signal);
  const { results, cancelled } = await runHealthChecks(DEPLOYMENT_CHECKS, context, { ...options, signal });
  const summary = summarise(results);
  return {
    connectorUrl: connectorUrl.origin,
    startedAt: startedAt.toISOString(),
    finishedAt: now().toISOString(),
    durationMs: Math.round(performance.now() - started),
    overall: summary.fail > 0 ? 'fail' : summary.warn > 0 ? 'warn' : 'pass',
    cancelled,
    summary,
    results,
  };
}

/** Count results per status. */
export function summarise(results: readonly HealthCheckResult[]): HealthSummary {
  const count = (status: HealthCheckResult['status']): number => results.filter((result) => result.status === status).length;
  return { pass: count('pass'), warn: count('warn'), fail: count('fail'), notRun: count('not-run') };
}
