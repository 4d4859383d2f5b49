import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary } from './electron-binary.ts';

const REPOSITORY_ROOT = join(import.meta.dirname, '..', '..');
const REPORT = join(REPOSITORY_ROOT, '.cache', 'e2e-electron-results.json');

function run(command: string, args: readonly string[], environment: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { cwd: REPOSITORY_ROOT, stdio: 'inherit', env: environment });
  return result.status ?? 1;
}

/**
 * CLI (`npm run test:electron`, test command): the desktop app end to end where Electron exists.
 *
 * Without an Electron binary it prints one "NOT RUN" line saying how to run the specs and exits
 * 0: nothing is counted as passed or failed. With one, it packages the e2e flavour from that
 * distribution (tooling/package/dist.ts --dir --e2e), runs the Playwright project under xvfb
 * when there is no display, and counts the JSON report like the browser tests (a missing report
 * or a test that did not run fails).
 */
function main(): number {
  const specs = readdirSync(import.meta.dirname).filter((file) => file.endsWith('.spec.ts'));
  const electron = findElectronBinary(process.env, REPOSITORY_ROOT);
  if (!electron.found) {
    console.log(
      `e2e/electron: NOT RUN — no Electron binary on this machine (looked at ${electron.looked.join('; ')}); ${String(specs.length)} spec files neither passed nor failed. ` +
        'To run them: ELECTRON_DIST=<folder of an unzipped electron-v45.4.1-linux-x64.zip> npm run test:electron (docs/desktop-app.md).',
    );
    return 0;
  }
  console.log(`e2e/electron: Electron from ${electron.source} (${electron.directory})`);
  rmSync(REPORT, { force: true });
  if (run(process.execPath, ['tooling/package/dist.ts', '--dir', '--e2e']) !== 0) {
    console.log('e2e/electron: FAILED — the e2e package could not be built');
    return 1;
  }
  const playwright = ['playwright', 'test', '--config', 'e2e/electron/playwright.config.ts'];
  const needsDisplay = process.platform === 'linux' && (process.env.DISPLAY ?? '') === '' && existsSync('/usr/bin/xvfb-run');
  const status = needsDisplay ? run('xvfb-run', ['-a', '-s', '-screen 0 1280x800x24', 'npx', ...playwright]) : run('npx', playwright);
  const summary = run(process.execPath, ['e2e/renderer/e2e-summary.ts', REPORT]);
  return status === 0 && summary === 0 ? 0 : 1;
}

process.exitCode = main();
