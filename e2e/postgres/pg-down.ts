import { stopPostgresCluster } from './postgres-cluster.ts';

/**
 * CLI: stop the primary PostgreSQL test cluster (fast shutdown) but keep its data.
 *
 * The next `pg:up` restarts it in about a second; delete .cache/postgres to force a rebuild.
 */
export async function main(): Promise<void> {
  try {
    await stopPostgresCluster();
    process.stderr.write('[pg-down] PostgreSQL test cluster stopped\n');
  } catch (error) {
    process.stderr.write(`[pg-down] FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

await main();
