import type { CheckOutcome, HealthCheckCode, HealthCheckResult, HealthProgress } from './health-types.ts';

/** One check: what it is called, what must pass before it, and the function that measures. */
export type HealthCheckDefinition<Context> = {
  readonly code: HealthCheckCode;
  readonly title: string;
  /** Checks that must pass or warn first; otherwise this one is `not-run`, saying which did not. */
  readonly dependsOn: readonly HealthCheckCode[];
  readonly run: (context: Context, signal: AbortSignal) => Promise<CheckOutcome>;
};

/** How a run behaves; every field has a default. */
export type RunnerOptions = {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: HealthProgress) => void) | undefined;
  /** A check still running after this long is reported as failed. Default 30000 ms. */
  readonly checkTimeoutMs?: number | undefined;
  /** Checks running at once. Default 4. */
  readonly concurrency?: number | undefined;
};

/** Every result in definition order, and whether the run was cancelled. */
export type RunnerOutcome = { readonly results: readonly HealthCheckResult[]; readonly cancelled: boolean };

/**
 * Run checks with a concurrency limit, a per-check deadline and dependencies, reporting
 * progress; a cancelled run still returns a result for every check.
 *
 * A check that throws is a defect, not a finding: it is reported as `fail` with the error so
 * the admin sees it rather than a run that never ends.
 */
export async function runHealthChecks<Context>(
  definitions: readonly HealthCheckDefinition<Context>[],
  context: Context,
  options: RunnerOptions = {},
): Promise<RunnerOutcome> {
  const signal = options.signal ?? new AbortController().signal;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const checkTimeoutMs = options.checkTimeoutMs ?? 30_000;
  const total = definitions.length;
  const done = new Map<HealthCheckCode, HealthCheckResult>();
  const running = new Map<HealthCheckCode, Promise<void>>();
  const pending = [...definitions];
  const runAborted = abortedPromise(signal);
  const report = (progress: HealthProgress): void => {
    try {
      options.onProgress?.(progress);
    } catch {
      // A progress display that throws must not stop the checks.
    }
  };
  const record = (result: HealthCheckResult): void => {
    done.set(result.code, result);
    report({ kind: 'finished', result, total, finished: done.size });
  };

  while (pending.length > 0 || running.size > 0) {
    if (signal.aborted) break;
    for (let index = 0; index < pending.length && running.size < concurrency;) {
      const definition = pending[index];
      if (definition === undefined) break;
      const blocked = definition.dependsOn.filter((code) => !done.has(code));
      if (blocked.length > 0) {
        index += 1;
        continue;
      }
      pending.splice(index, 1);
      const failedDependency = definition.dependsOn
        .map((code) => done.get(code))
        .find((result) => result && (result.status === 'fail' || result.status === 'not-run'));
      if (failedDependency) {
        record(notRun(definition, `Not run: "${failedDependency.title}" (${failedDependency.code}) did not pass.`));
        continue;
      }
      report({ kind: 'started', code: definition.code, title: definition.title, total, finished: done.size });
      running.set(
        definition.code,
        runOne(definition, context, signal, checkTimeoutMs).then((result) => {
          running.delete(definition.code);
          record(result);
        }),
      );
    }
    if (running.size === 0 && pending.length > 0) {
      // Only reachable with a dependency on a code that is not in the run: report it, don't hang.
      for (const definition of pending.splice(0))
        record(notRun(definition, `Not run: it depends on ${definition.dependsOn.join(', ')}, which this run does not include.`));
      break;
    }
    if (running.size > 0) await Promise.race([...running.values(), runAborted]);
  }
  // After a cancel, let the running checks settle (each ends as soon as it sees the abort), so
  // no progress arrives after the report and their results are in it.
  await Promise.allSettled(running.values());
  const cancelled = signal.aborted;
  const results = definitions.map((definition) => done.get(definition.code) ?? notRun(definition, 'Not run: the health check was cancelled.'));
  return { results, cancelled };
}

async function runOne<Context>(
  definition: HealthCheckDefinition<Context>,
  context: Context,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<HealthCheckResult> {
  const started = performance.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => {
    deadline.abort();
  }, timeoutMs);
  const checkSignal = AbortSignal.any([signal, deadline.signal]);
  try {
    const outcome = await Promise.race([
      definition.run(context, checkSignal),
      abortedPromise(checkSignal).then((): CheckOutcome =>
        signal.aborted
          ? { status: 'not-run', measured: 'Cancelled while running.', action: '', notRunReason: 'The health check was cancelled.' }
          : {
              status: 'fail',
              measured: `No result within ${String(Math.round(timeoutMs / 1000))} s.`,
              action: 'Something on the way did not answer in time: check the network path from this computer, then run the check again.',
            },
      ),
    ]);
    return { code: definition.code, title: definition.title, ...outcome, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      code: definition.code,
      title: definition.title,
      status: 'fail',
      measured: `The check itself failed: ${message}`,
      action: 'Report this as a defect of the console, with the text above.',
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    clearTimeout(timer);
  }
}

function notRun<Context>(definition: HealthCheckDefinition<Context>, reason: string): HealthCheckResult {
  return { code: definition.code, title: definition.title, status: 'not-run', measured: '', action: '', notRunReason: reason, durationMs: 0 };
}

function abortedPromise(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    signal.addEventListener(
      'abort',
      () => {
        resolve();
      },
      { once: true },
    );
  });
}
