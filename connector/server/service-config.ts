import type { CloudEnvironment } from '../../contract/connector-api/index.ts';
import type { ConnectOptions } from '../../core/directory/index.ts';
import type { ServiceLogging } from './service-app.ts';

/** Everything one service node needs to run, already checked. */
export type ServiceConfig = {
  /** `CONNECTOR_DATABASE`: a SQLite file, or a postgres:// URL (without its password). */
  readonly database: string;
  readonly listen: { readonly host: string; readonly port: number };
  /** The service account the node reads the directory with (sign-in binds as the admin). */
  readonly directory: ConnectOptions;
  readonly environment: CloudEnvironment;
  readonly tenantUrl: string | undefined;
  readonly tls: { readonly certFile: string; readonly keyFile: string } | undefined;
  readonly nodeName: string;
  /** The URL the node registers under; defaults to the listen address. */
  readonly publicUrl: string | undefined;
  readonly tokenLifetimeSeconds: number;
  /**
   * At most this long between two directory reads of a signed-in admin's account (disabled?
   * still in the group that holds the role?). Role assignments are checked on every request.
   */
  readonly accountRecheckSeconds: number;
  readonly heartbeatSeconds: number;
  readonly logging: ServiceLogging;
  /**
   * Addresses (or CIDR ranges) of load balancers whose `X-Forwarded-For` the node believes, so
   * the audit records the admin's address rather than the balancer's. None by default.
   */
  readonly trustedProxies?: readonly string[] | undefined;
  /**
   * Negotiate (Kerberos) sign-in: `CONNECTOR_KEYTAB` and `CONNECTOR_SERVICE_PRINCIPAL`. Without
   * them the node signs in with passwords only and answers Negotiate with KERBEROS_NOT_CONFIGURED.
   */
  readonly kerberos?: KerberosSettings | undefined;
  /**
   * Seconds between two scheduled expansions of the effective super users (`CONNECTOR_DRIFT_INTERVAL`,
   * default 900); 0 turns the schedule off, leaving the expansions after list changes.
   */
  readonly driftIntervalSeconds?: number | undefined;
  /** The change feed (`GET /v1/events`): heartbeat seconds and stream limits; defaults when absent. */
  readonly feed?: Partial<FeedSettings> | undefined;
};

/** The node's Kerberos identity: the keytab holding the key of its HTTP service principal. */
export type KerberosSettings = {
  /** A keytab file (as `ktpass` or `samba-tool domain exportkeytab` writes it). */
  readonly keytab: string;
  /** `HTTP/rmscon01.contoso.com`: what `setspn` registered on the node's service account. */
  readonly servicePrincipal: string;
};

/** How the node serves its change feed. */
export type FeedSettings = {
  /** Seconds between two heartbeat comments on an idle stream (proxies close idle connections). */
  readonly heartbeatSeconds: number;
  /** Open streams one node serves, in all. */
  readonly streamsPerNode: number;
  /** Open streams one administrator may hold on one node. */
  readonly streamsPerAdmin: number;
};

/** The feed settings a node uses unless told otherwise. */
export const DEFAULT_FEED_SETTINGS: FeedSettings = { heartbeatSeconds: 15, streamsPerNode: 500, streamsPerAdmin: 10 };

/** Seconds between scheduled super-user expansions unless told otherwise: 15 minutes. */
export const DEFAULT_DRIFT_INTERVAL_SECONDS = 900;
