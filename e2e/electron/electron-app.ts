import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where run.ts leaves the packaged e2e build (electron-builder's unpacked Linux folder). */
export const PACKAGED_E2E_EXECUTABLE =
  process.env.RMS_E2E_EXECUTABLE ?? join(import.meta.dirname, '..', '..', 'release', 'e2e', 'linux-unpacked', 'rms-connector-admin');

/** The desktop app under test, with a user-data folder of its own that is removed afterwards. */
export type RunningConsole = { readonly app: ElectronApplication; readonly window: Page; close(): Promise<void> };

/**
 * Start the packaged app with a fresh `--user-data-dir`, as on a first start, and wait for its
 * first window. Linux CI has no display server of its own: run under xvfb-run (run.ts does).
 * With `userData`, start it on that folder instead (a later start of the same user), which
 * closing then leaves in place for the caller to remove.
 */
export async function launchConsole(options: { readonly userData?: string } = {}): Promise<RunningConsole> {
  const userData = options.userData ?? (await mkdtemp(join(tmpdir(), 'rms-console-e2e-')));
  const app = await _electron.launch({ executablePath: PACKAGED_E2E_EXECUTABLE, args: [`--user-data-dir=${userData}`], timeout: 60_000 });
  const window = await app.firstWindow();
  return {
    app,
    window,
    async close() {
      await app.close();
      if (options.userData === undefined) await rm(userData, { recursive: true, force: true });
    },
  };
}
