import { openConfigStore } from '../server/store/open-config-store.ts';
import { runServiceCli } from './run-service-cli.ts';

/**
 * Process wiring for `rms-connector-service`: argv, streams, signals and the exit code.
 */
process.exitCode = await runServiceCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  openStore: (setting) => openConfigStore(setting, process.env),
  untilStopped: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => {
        resolve();
      });
      process.once('SIGTERM', () => {
        resolve();
      });
    }),
});
