import { ensurePrimaryCluster } from './postgres-cluster.ts';

/**
 * CLI: make sure the primary PostgreSQL test cluster runs and print its connection JSON as the last stdout line.
 *
 * Progress goes to stderr so callers can parse stdout; any failure exits 1 with the reason.
 */
export async function main(): Promise<void> {
  const started = Date.now();
  try {
    const connection = await ensurePrimaryCluster({
      log: (line) => process.stderr.write(`[pg-up] ${line}\n`),
    });
    process.stderr.write(`[pg-up] ready in ${Date.now() - started} ms\n`);
    process.stdout.write(`${JSON.stringify(connection)}\n`);
  } catch (error) {
    process.stderr.write(`[pg-up] FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

await main();
