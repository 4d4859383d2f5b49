import type { AuthorizedAccountList, ConnectorNodeList, SuperUsers } from '../../contract/connector-api/index.ts';
import type { HealthCheckResult as ReportedCheckResult, HealthReport as ReportedHealthReport, HealthSummary } from '../../contract/health.ts';

export type { HealthAddressResult, HealthStatus, HealthSummary } from '../../contract/health.ts';

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
  'SUPER_USERS_REVIEWED',
  'LOAD_BALANCER_GUIDANCE',
] as const;

/** A stable check code; scripts and tickets rely on it, so codes are only ever added. */
export type HealthCheckCode = (typeof HEALTH_CHECK_CODES)[number];

/**
 * What one check found: the figures it measured and, in the admin's words, what to do.
 *
 * `measured` states facts (times, names, dates, protocol), never advice; `action` is empty
 * only when nothing needs doing. The contract's result, with the code narrowed: core names
 * only its own codes, while the contract accepts any code-shaped string.
 */
export type HealthCheckResult = Readonly<Omit<ReportedCheckResult, 'code'>> & { readonly code: HealthCheckCode };

/** What a check function returns; the runner adds the code, title and duration. */
export type CheckOutcome = Pick<HealthCheckResult, 'status' | 'measured' | 'action' | 'notRunReason' | 'addresses'>;

/**
 * A whole run: every check in {@link HEALTH_CHECK_CODES} order.
 *
 * The contract's report without what only the console adds (the load-balancer checklist and
 * the ticket text), its results with core's narrowed codes.
 */
export type HealthReport = Readonly<Omit<ReportedHealthReport, 'results' | 'summary' | 'loadBalancerChecklist' | 'text'>> & {
  readonly summary: Readonly<HealthSummary>;
  readonly results: readonly HealthCheckResult[];
};

/** Progress of a run, for a progress bar or a terminal line (events as they happen; the contract's `HealthProgress` is main's polled count). */
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
  superUsers(options?: { readonly signal?: AbortSignal }): Promise<{ readonly superUsers: SuperUsers }>;
};

/** Name resolution: every address of `hostname` (tests map test names to loopback). */
export type HealthResolver = (hostname: string) => Promise<readonly string[]>;
