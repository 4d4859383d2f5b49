import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { attachBridge } from './harness/bridge.ts';
import { buildRenderer } from './harness/build-renderer.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, VIEWPORT } from './harness/chromium.ts';
import { entryOf } from './harness/connector-service.ts';
import { startConsoleStack } from './harness/console-stack.ts';
import { startDemoMainProcess } from './harness/demo-environment.ts';
import type { MainProcess } from './harness/main-process.ts';
import { RENDERER_DIST, REPO_ROOT } from './harness/paths.ts';
import { tourConsole, tourDemo } from './harness/preview-tour.ts';
import { serveStaticSite } from './harness/static-site.ts';
import { SEED_PASSWORD, upnOf } from './harness/test-domain.ts';

const UNDER_XVFB = 'RMSADMIN_PREVIEW_UNDER_XVFB';

/** One way of running the console behind the page: the Samba stack or the built-in demo. */
type PreviewSession = {
  readonly main: MainProcess;
  readonly siteUrl: string;
  /** Where the screenshots go. */
  readonly folder: string;
  tour(page: Page): Promise<string[]>;
  /** What to tell the person after the tour (where things run, how to sign in). */
  summary(): string[];
  close(): Promise<void>;
};

/** The Samba test DC, a fresh connector service with three entries, and alice's sign-in. */
async function startSambaSession(folder: string): Promise<PreviewSession> {
  log('starting the test DC (or reusing it) and a connector service…');
  const stack = await startConsoleStack();
  try {
    await stack.connector.ensureEntries([
      await entryOf(stack.domain, 'Exchange Install Domain Servers', 'exchange'),
      await entryOf(stack.domain, 'svc-sp-central', 'sharepoint'),
      await entryOf(stack.domain, 'FCI File Servers', 'fci'),
    ]);
  } catch (error) {
    await stack.close();
    throw error;
  }
  return {
    main: stack.main,
    siteUrl: stack.site.url,
    folder,
    tour: (page) => {
      log('signing in as alice and visiting each screen…');
      return tourConsole(page, stack.site.url, folder, { url: stack.connector.url });
    },
    summary: () => [
      `Connector service: ${stack.connector.url}  (sign in: ${upnOf('alice')} / ${SEED_PASSWORD}, GlobalAdministrator; bob has no role)`,
      `Console: ${stack.site.url}  (only the page opened here has the bridge; another browser shows "no bridge")`,
    ],
    close: () => stack.close(),
  };
}

/** main on a first start holding the built-in demo (main/demo), as demo.spec.ts drives it. */
async function startDemoSession(folder: string): Promise<PreviewSession> {
  log('starting the built-in demo environment (no domain controller, no root)…');
  const demo = await startDemoMainProcess();
  const site = await serveStaticSite(RENDERER_DIST).catch(async (error: unknown) => {
    await demo.dispose();
    throw error;
  });
  const demoService = async () => {
    const signIn = await demo.demo.start(new AbortController().signal);
    return { url: signIn.serviceUrl, chooseCa: signIn.serviceCaFile !== undefined };
  };
  return {
    main: demo.main,
    siteUrl: site.url,
    folder,
    tour: (page) => {
      log('trying the demo environment and visiting each screen…');
      return tourDemo(page, site.url, folder, demoService);
    },
    summary: () => [
      `Demo: a connector service and an AD-like LDAPS directory on loopback, inside this process (main/demo); the console signs in with "Try the demo environment".`,
      `Console: ${site.url}  (only the page opened here has the bridge; another browser shows "no bridge")`,
    ],
    async close() {
      await site.close();
      await demo.dispose();
    },
  };
}

/**
 * `npm run preview`: the built console in Chromium against the real main-process dispatch;
 * screenshots of each screen into .cache/preview/. Behind it, the Samba test DC and a fresh
 * connector service, or with `--demo` the built-in demo environment (no DC, no Samba, no root,
 * screenshots into .cache/preview/demo/). Headed (and kept open until Ctrl+C) with `--headed`
 * or when DISPLAY is set — under `xvfb-run` when `--headed` is given without a display —
 * headless otherwise.
 */
async function main(): Promise<void> {
  const headed = process.argv.includes('--headed') || (process.env['DISPLAY'] ?? '') !== '';
  const demo = process.argv.includes('--demo');
  if (headed && (process.env['DISPLAY'] ?? '') === '' && process.env[UNDER_XVFB] !== '1') {
    process.exitCode = await rerunUnderXvfb();
    return;
  }
  const folder = path.join(REPO_ROOT, '.cache', 'preview', ...(demo ? ['demo'] : []));
  await mkdir(folder, { recursive: true });
  log('building the renderer…');
  await buildRenderer();
  const session = demo ? await startDemoSession(folder) : await startSambaSession(folder);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: !headed }).catch(async (error: unknown) => {
    await session.close();
    throw error;
  });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce', acceptDownloads: true });
    const page = await context.newPage();
    await attachBridge(page, session.main);
    const files = await session.tour(page).catch(async (error: unknown) => {
      const shot = path.join(folder, 'failed.png');
      await page.screenshot({ path: shot }).then(
        () => {
          log(`the page when the tour stopped: ${path.relative(REPO_ROOT, shot)}`);
        },
        () => undefined,
      );
      throw error;
    });
    process.stdout.write(
      [
        `Screenshots (${String(files.length)}) in ${folder}:`,
        ...files.map((file) => `  ${path.relative(REPO_ROOT, file)}`),
        ...session.summary(),
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
    await browser.close().catch(() => undefined);
    await session.close();
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
  const child = spawn(
    'xvfb-run',
    [
      '-a',
      '-s',
      `-screen 0 ${String(VIEWPORT.width)}x${String(VIEWPORT.height)}x24`,
      process.execPath,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    {
      stdio: 'inherit',
      detached: true,
      env: { ...process.env, [UNDER_XVFB]: '1' },
    },
  );
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
