import { stopDomainController } from './domain-controller.ts';

/**
 * CLI: stop the test DC but keep its data, so the next `ad:up` restarts it in seconds.
 *
 * Delete the state directory (default .cache/ad) to force a full rebuild instead.
 */
export async function main(): Promise<void> {
  try {
    await stopDomainController();
    process.stderr.write('[ad-down] domain controller stopped\n');
  } catch (error) {
    process.stderr.write(`[ad-down] FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

await main();
