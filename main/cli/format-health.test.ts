import { describe, expect, it } from 'vitest';
import type { HealthReport } from '../../core/health/index.ts';
import { formatHealthForCli } from './format-health.ts';

type Result = HealthReport['results'][number];
const SIGN_IN = 'Sign in first: no saved sign-in; run rms-connector-admin sign-in.';
const check = (code: Result['code'], status: Result['status'], notRunReason?: string): Result => ({
  code,
  status,
  title: `Title of ${code}`,
  measured: '',
  action: '',
  durationMs: 1,
  ...(notRunReason === undefined ? {} : { notRunReason }),
});

const report = (results: readonly Result[]): HealthReport => ({
  connectorUrl: 'https://rmsconnector.contoso.com',
  startedAt: '2026-12-06T05:00:00.000Z',
  finishedAt: '2026-12-06T05:00:01.000Z',
  durationMs: 1000,
  overall: 'fail',
  cancelled: false,
  summary: { pass: 1, warn: 1, fail: 1, notRun: 4 },
  results,
});

/** The first line of each check block, in order. */
const headings = (text: string): string[] => text.split('\n').filter((line) => line.startsWith('['));

describe('format-health', () => {
  it('prints failures first, then warnings, the sign-in line, other skipped checks, and passes last', () => {
    const text = formatHealthForCli(
      report([
        check('VERIFICATION_PAGE_URL', 'pass'),
        check('NODES_AT_LEAST_TWO', 'not-run', SIGN_IN),
        check('HTTP_PLAINTEXT', 'warn'),
        check('TLS_CERT_NAME', 'not-run', 'The connector URL is http://.'),
        check('NODE_HEARTBEAT_RECENT', 'not-run', SIGN_IN),
        check('CONNECTOR_URL_RESOLVES', 'fail'),
        check('LIST_NOT_EMPTY', 'not-run', SIGN_IN),
      ]),
      SIGN_IN,
    );
    expect(headings(text)).toEqual([
      '[FAIL] CONNECTOR_URL_RESOLVES: Title of CONNECTOR_URL_RESOLVES',
      '[WARN] HTTP_PLAINTEXT: Title of HTTP_PLAINTEXT',
      `[SKIP] 3 checks need sign-in (NODES_AT_LEAST_TWO, NODE_HEARTBEAT_RECENT, LIST_NOT_EMPTY): ${SIGN_IN}`,
      '[SKIP] TLS_CERT_NAME: Title of TLS_CERT_NAME',
      '[PASS] VERIFICATION_PAGE_URL: Title of VERIFICATION_PAGE_URL',
    ]);
    expect(text.match(/Sign in first/g)).toHaveLength(1);
    expect(text.split('\n').at(-1)).toBe('Result: FAIL - 1 passed, 1 warning(s), 1 failed, 4 not run.');
  });

  it('prints each skipped check on its own when signed in', () => {
    const text = formatHealthForCli(
      report([check('NODES_AT_LEAST_TWO', 'not-run', 'The service could not be read.'), check('HTTP_PLAINTEXT', 'warn')]),
      undefined,
    );
    expect(headings(text)).toEqual(['[WARN] HTTP_PLAINTEXT: Title of HTTP_PLAINTEXT', '[SKIP] NODES_AT_LEAST_TWO: Title of NODES_AT_LEAST_TWO']);
  });
});
