import type { AuthorizedAccountList, ConnectorNodeList } from '../../../connector/api/index.ts';

/** The outcome of one check: `not-run` always carries the reason. */
export type HealthStatus = 'pass' | 'warn' | 'fail' | 'not-run';

/** Every check code, in the order reports list them (docs/deployment-health.md explains each). */
export const HEALTH_CHECK_CODES = [
  'NODES_AT_LEAST_TWO',
  'NODE_HEARTBEAT_RECENT',
  'CONNECTOR_URL_RESOLVES',
  'VERIFICATION_PAGE_URL',
  'VERIFICATION_PAGE_NODE',
  'HTTP_PLAINTEXT',
  'TLS_CERT_NAME',
  'TLS_CERT_CHAIN',
  'TLS_CERT_VALIDITY',
  'TLS_CERT_CRL',
  'TLS_PROTOCOL_MODERN',
  'TLS_LEGACY_REFUSED',
  'PROXY_ADDRESS_FORMAT',
  'PROXY_OUTBOUND',
  'LIST_NOT_EMPTY',
  'NODE_NOT_AUTHORIZED',
  'LOAD_BALANCER_GUIDANCE',
] as const;

/** A stable check code; scripts and tickets rely on it, so codes are only ever added. */
export type HealthCheckCode = (typeof HEALTH_CHECK_CODES)[number];

/**
 * What one check found: the figures it measured and, in the admin's words, what to do.
 *
 * `measured` states facts (times, names, dates, protocol), never advice; `action` is empty
 * only when nothing needs doing.
 */
export type HealthCheckResult = {
  readonly code: HealthCheckCode;
  readonly status: HealthStatus;
  readonly title: string;
  readonly measured: string;
  readonly action: string;
  readonly notRunReason?: string;
  readonly durationMs: number;
};

/** What a check function returns; the runner adds the code, title and duration. */
export type CheckOutcome = {
  readonly status: HealthStatus;
  readonly measured: string;
  readonly action: string;
  readonly notRunReason?: string;
};

/** Counts per status, for a one-line summary and the exit code. */
export type HealthSummary = { readonly pass: number; readonly warn: number; readonly fail: number; readonly notRun: number };

/** A whole run: every check in {@link HEALTH_CHECK_CODES} order. */
export type HealthReport = {
  readonly connectorUrl: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  /** `fail` when any check failed, else `warn` when any warned, else `pass`. */
  readonly overall: 'pass' | 'warn' | 'fail';
  readonly cancelled: boolean;
  readonly summary: HealthSummary;
  readonly results: readonly HealthCheckResult[];
};

/** Progress of a run, for a progress bar or a terminal line. */
export type HealthProgress =
  | { readonly kind: 'started'; readonly code: HealthCheckCode; readonly title: string; readonly total: number; readonly finished: number }
  | { readonly kind: 'finished'; readonly result: HealthCheckResult; readonly total: number; readonly finished: number };

/**
 * The connector service reads the checks need: the node registry and the authorized list.
 *
 * The signed-in `ConnectorClient` satisfies it; so does a fake in the layer above's tests.
 */
export type HealthService = {
  listConnectors(options?: { readonly signal?: AbortSignal }): Promise<ConnectorNodeList>;
  listAuthorizedAccounts(options?: { readonly signal?: AbortSignal }): Promise<{ readonly list: AuthorizedAccountList }>;
};

/** Name resolution: every address of `hostname` (tests map test names to loopback). */
export type HealthResolver = (hostname: string) => Promise<readonly string[]>;
