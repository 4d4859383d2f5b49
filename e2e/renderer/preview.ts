import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { attachBridge } from './harness/bridge.ts';
import { buildRenderer } from './harness/build-renderer.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, VIEWPORT } from './harness/chromium.ts';
import { entryOf } from './harness/connector-service.ts';
import { startConsoleStack } from './harness/console-stack.ts';
import { REPO_ROOT } from './harness/paths.ts';
import { tourConsole } from './harness/preview-tour.ts';
import { SEED_PASSWORD, upnOf } from './harness/test-domain.ts';

const UNDER_XVFB = 'RMSADMIN_PREVIEW_UNDER_XVFB';

/**
 * `npm run preview`: the built console in Chromium against the real main-process dispatch,
 * a fresh connector service and the Samba test DC; screenshots of each screen into
 * .cache/preview/. Headed (and kept open until Ctrl+C) with `--headed` or when DISPLAY is
 * set — under `xvfb-run` when `--headed` is given without a display — headless otherwise.
 */
async function main(): Promise<void> {
  const headed = process.argv.includes('--headed') || (process.env['DISPLAY'] ?? '') !== '';
  if (headed && (process.env['DISPLAY'] ?? '') === '' && process.env[UNDER_XVFB] !== '1') {
    process.exitCode = await rerunUnderXvfb();
    return;
  }
  const folder = path.join(REPO_ROOT, '.cache', 'preview');
  await mkdir(folder, { recursive: true });
  log('building the renderer…');
  await buildRenderer();
  log('starting the test DC (or reusing it) and a connector service…');
  const stack = await startConsoleStack();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: !headed });
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await stack.close();
  };
  try {
    await stack.connector.ensureEntries([
      await entryOf(stack.domain, 'Exchange Install Domain Servers', 'exchange'),
      await entryOf(stack.domain, 'svc-sp-central', 'sharepoint'),
      await entryOf(stack.domain, 'FCI File Servers', 'fci'),
    ]);
    const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce', acceptDownloads: true });
    const page = await context.newPage();
    await attachBridge(page, stack.main);
    log('signing in as alice and visiting each screen…');
    const files = await tourConsole(page, stack.site.url, folder);
    process.stdout.write(
      [
        `Screenshots (${String(files.length)}) in ${folder}:`,
        ...files.map((file) => `  ${path.relative(REPO_ROOT, file)}`),
        `Connector service: ${stack.connector.url}  (sign in: ${upnOf('alice')} / ${SEED_PASSWORD}, GlobalAdministrator; bob has no role)`,
        `Console: ${stack.site.url}  (only the page opened here has the bridge; another browser shows "no bridge")`,
        ...(headed ? [] : ['Headless: everything stops now; run with --headed to keep the console, service and page open.']),
        '',
      ].join('\n'),
    );
    if (!headed) return;
    process.stdout.write('Headed: the console stays open. Press Ctrl+C to stop.\n');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
      browser.once('disconnected', () => {
        resolve();
      });
    });
  } finally {
    await stop();
  }
}

function log(line: string): void {
  process.stderr.write(`[preview] ${line}\n`);
}

/** Run this same script under `xvfb-run` (a virtual 1280×800 display); resolves to its exit code. */
async function rerunUnderXvfb(): Promise<number> {
  log('no DISPLAY: running headed under xvfb-run');
  // Its own process group, so a signal to this process reaches the preview inside xvfb-run
  // too (xvfb-run itself waits for its command and does not pass signals on).
  const child = spawn('xvfb-run', ['-a', '-s', `-screen 0 ${String(VIEWPORT.width)}x${String(VIEWPORT.height)}x24`, process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, [UNDER_XVFB]: '1' },
  });
  const forward = (signal: NodeJS.Signals) => {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      resolve(code ?? 1);
    });
  });
}

try {
  await main();
} catch (error) {
  process.stderr.write(`[preview] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
