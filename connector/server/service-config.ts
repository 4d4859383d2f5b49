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
};
