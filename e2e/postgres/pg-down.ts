import { primaryCluster } from './cluster-layout.ts';
import { stopPostgresCluster } from './postgres-cluster.ts';
import { tlsCluster } from './tls-cluster.ts';

/**
 * CLI: stop this checkout's PostgreSQL test clusters (the primary and the TLS one; fast shutdown)
 * but keep their data.
 *
 * The next `pg:up` restarts the primary in about a second; delete .cache/postgres to force a
 * rebuild. The test command runs it at the end, so no cluster of this checkout keeps a port
 * another checkout's run needs.
 */
export async function main(): Promise<void> {
  try {
    for (const cluster of [primaryCluster, tlsCluster]) await stopPostgresCluster(cluster);
    process.stderr.write('[pg-down] PostgreSQL test clusters stopped\n');
  } catch (error) {
    process.stderr.write(`[pg-down] FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

await main();
