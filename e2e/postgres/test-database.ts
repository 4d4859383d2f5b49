import { dropTestDatabase, withAdminConnection } from './admin-sql.ts';
import { clusterLayout, primaryCluster } from './cluster-layout.ts';
import { ensurePrimaryCluster } from './postgres-cluster.ts';
import type { EnsureClusterOptions } from './postgres-cluster.ts';
import { connectorRole } from './postgres-connection.ts';
import { newTestDatabaseName } from './test-database-names.ts';

/**
 * Options for `createTestDatabase`.
 *
 * `label` goes into the database name (`rmstest_<label>_…`) so leftovers say which suite made
 * them; `log` receives the cluster's progress lines when it has to be started.
 */
export type TestDatabaseOptions = EnsureClusterOptions & { label?: string };

/**
 * A fresh, empty database on the primary test cluster, owned by the connector role.
 *
 * `url` carries the password (what the service is configured with); `urlWithoutPassword` is for
 * logs and assertion messages. `drop()` ends leftover sessions and removes the database; calling
 * it twice is harmless.
 */
export type TestDatabase = {
  readonly name: string;
  readonly url: string;
  readonly urlWithoutPassword: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  drop(): Promise<void>;
};

/**
 * Create a uniquely named, empty database owned by `rmsconnector` on the primary test cluster.
 *
 * Starts or reuses the cluster itself, so a test file works on its own (without the Vitest global
 * setup). The copy comes from template0, which nobody connects to, so parallel creations never
 * trip over "source database is being accessed by other users".
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const connection = await ensurePrimaryCluster(options.log === undefined ? {} : { log: options.log });
  const layout = clusterLayout(primaryCluster);
  const name = newTestDatabaseName(options.label);
  await withAdminConnection(layout, async (sql) => {
    await sql`create database ${sql(name)} owner ${sql(connectorRole.user)} template template0`;
  });
  const address = `${connection.host}:${connection.port}/${name}`;
  return {
    name,
    url: `postgres://${connectorRole.user}:${encodeURIComponent(connectorRole.password)}@${address}`,
    urlWithoutPassword: `postgres://${connectorRole.user}@${address}`,
    host: connection.host,
    port: connection.port,
    user: connectorRole.user,
    password: connectorRole.password,
    drop: () => withAdminConnection(layout, (sql) => dropTestDatabase(sql, name)),
  };
}
