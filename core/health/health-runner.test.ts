import { describe, expect, it } from 'vitest';
import { runHealthChecks, type HealthCheckDefinition } from './health-runner.ts';
import type { CheckOutcome, HealthCheckCode, HealthProgress } from './health-types.ts';

type Context = { readonly log: string[] };

const after = (ms: number, outcome: CheckOutcome, signal?: AbortSignal): Promise<CheckOutcome> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve(outcome);
    }, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
    });
  });

function check(code: HealthCheckCode, run: HealthCheckDefinition<Context>['run'], dependsOn: HealthCheckCode[] = []): HealthCheckDefinition<Context> {
  return { code, title: code.toLowerCase(), dependsOn, run };
}

const passing: CheckOutcome = { status: 'pass', measured: 'ok', action: '' };
const failing: CheckOutcome = { status: 'fail', measured: 'broken', action: 'fix it' };
const statuses = (results: readonly { code: string; status: string }[]) => Object.fromEntries(results.map((result) => [result.code, result.status]));

describe('runHealthChecks', () => {
  it('skips dependents of a failed check, naming it, and runs dependents of a passed one', async () => {
    const outcome = await runHealthChecks(
      [
        check('CONNECTOR_URL_RESOLVES', () => Promise.resolve(failing)),
        check('TLS_CERT_NAME', () => Promise.resolve(passing), ['CONNECTOR_URL_RESOLVES']),
        check('HTTP_PLAINTEXT', () => Promise.resolve(passing)),
        check('VERIFICATION_PAGE_URL', () => Promise.resolve(passing), ['HTTP_PLAINTEXT']),
      ],
      { log: [] },
    );
    expect(statuses(outcome.results)).toEqual({
      CONNECTOR_URL_RESOLVES: 'fail',
      TLS_CERT_NAME: 'not-run',
      HTTP_PLAINTEXT: 'pass',
      VERIFICATION_PAGE_URL: 'pass',
    });
    expect(outcome.results[1]?.notRunReason).toBe('Not run: "connector_url_resolves" (CONNECTOR_URL_RESOLVES) did not pass.');
  });

  it('reports a check that overruns its deadline as failed, and one that throws as failed with the error', async () => {
    const outcome = await runHealthChecks(
      [check('LIST_NOT_EMPTY', (_context, signal) => after(5_000, passing, signal)), check('NODES_AT_LEAST_TWO', () => Promise.reject(new Error('boom')))],
      { log: [] },
      { checkTimeoutMs: 50 },
    );
    expect(outcome.results.map((result) => [result.status, result.measured])).toEqual([
      ['fail', 'No result within 0 s.'],
      ['fail', 'The check itself failed: boom'],
    ]);
  });

  it('never runs more checks at once than the limit', async () => {
    let running = 0;
    let peak = 0;
    const slow: HealthCheckDefinition<Context>['run'] = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await after(20, passing);
      running -= 1;
      return passing;
    };
    const codes: HealthCheckCode[] = ['NODES_AT_LEAST_TWO', 'NODE_HEARTBEAT_RECENT', 'LIST_NOT_EMPTY', 'HTTP_PLAINTEXT', 'TLS_CERT_CRL'];
    await runHealthChecks(
      codes.map((code) => check(code, slow)),
      { log: [] },
      { concurrency: 2 },
    );
    expect(peak).toBe(2);
  });

  it('returns a result for every check when cancelled, the unfinished ones not run', async () => {
    const controller = new AbortController();
    const promise = runHealthChecks(
      [
        check('HTTP_PLAINTEXT', () => Promise.resolve(passing)),
        check('LIST_NOT_EMPTY', (_context, signal) => after(5_000, passing, signal)),
        check('TLS_CERT_NAME', () => Promise.resolve(passing), ['LIST_NOT_EMPTY']),
      ],
      { log: [] },
      { signal: controller.signal, concurrency: 1 },
    );
    setTimeout(() => {
      controller.abort();
    }, 30);
    const outcome = await promise;
    expect({ cancelled: outcome.cancelled, statuses: statuses(outcome.results) }).toEqual({
      cancelled: true,
      statuses: { HTTP_PLAINTEXT: 'pass', LIST_NOT_EMPTY: 'not-run', TLS_CERT_NAME: 'not-run' },
    });
  });

  it('reports each check started and finished, counting n of total, and survives a throwing listener', async () => {
    const events: string[] = [];
    const onProgress = (progress: HealthProgress): void => {
      events.push(
        progress.kind === 'started'
          ? `start ${progress.code} ${String(progress.finished)}/${String(progress.total)}`
          : `done ${progress.result.code} ${String(progress.finished)}/${String(progress.total)}`,
      );
      throw new Error('display broke');
    };
    await runHealthChecks(
      [check('HTTP_PLAINTEXT', () => Promise.resolve(passing)), check('TLS_CERT_NAME', () => Promise.resolve(passing), ['HTTP_PLAINTEXT'])],
      { log: [] },
      { onProgress, concurrency: 1 },
    );
    expect(events).toEqual(['start HTTP_PLAINTEXT 0/2', 'done HTTP_PLAINTEXT 1/2', 'start TLS_CERT_NAME 1/2', 'done TLS_CERT_NAME 2/2']);
  });
});
