import { z } from 'zod';

/**
 * The login role the connector service uses against the test clusters, with its fixed password.
 *
 * Fixed so tests and a hand-started service can be configured with literals; the clusters listen
 * on loopback only and the role is no superuser.
 */
export const connectorRole = { user: 'rmsconnector', password: 'Connector-Passw0rd' } as const;

/**
 * The superuser every test cluster is initialised with.
 *
 * Its password is generated per cluster (see `superuser-password` in the cluster folder): local
 * socket connections need none, TCP connections do.
 */
export const adminUser = 'postgres';

/**
 * Shape of the connection details that `pg-up` prints and the Vitest global setup provides.
 *
 * Tests receive these as JSON from another process, so they are validated at the boundary.
 */
export const PostgresConnectionSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  user: z.string().min(1),
  password: z.string().min(1),
  adminUser: z.string().min(1),
  adminPassword: z.string().min(1),
  socketDirectory: z.string().min(1),
  dataDirectory: z.string().min(1),
  logFile: z.string().min(1),
  serverVersion: z.string().min(1),
});

/**
 * How to reach a running test cluster, as the connector role and as the superuser.
 *
 * Derived from the schema so the runtime check and the static type never drift apart.
 */
export type PostgresConnection = z.infer<typeof PostgresConnectionSchema>;
