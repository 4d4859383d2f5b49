import { expect, test } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchConsole, type RunningConsole } from './electron-app.ts';

/** The one window's normal bounds and maximized flag, read in the main process. */
function windowState(running: RunningConsole): Promise<{ width: number; height: number; maximized: boolean } | undefined> {
  return running.app.evaluate(({ BrowserWindow }) => {
    const [window] = BrowserWindow.getAllWindows();
    if (window === undefined) return undefined;
    const { width, height } = window.getNormalBounds();
    return { width, height, maximized: window.isMaximized() };
  });
}

test.describe('window state between sessions', () => {
  test('reopens at the size it was closed at, and maximized when it was', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'rms-console-window-'));
    try {
      const first = await launchConsole({ userData });
      await first.app.evaluate(({ BrowserWindow }) => {
        BrowserWindow.getAllWindows()[0]?.setBounds({ x: 40, y: 30, width: 1100, height: 700 });
      });
      await first.close();
      expect(JSON.parse(await readFile(join(userData, 'window-state.json'), 'utf8'))).toMatchObject({ version: 1, bounds: { width: 1100, height: 700 } });

      const second = await launchConsole({ userData });
      expect(await windowState(second)).toEqual({ width: 1100, height: 700, maximized: false });
      await second.app.evaluate(({ BrowserWindow }) => {
        BrowserWindow.getAllWindows()[0]?.maximize();
      });
      await second.close();

      const third = await launchConsole({ userData });
      await expect.poll(() => windowState(third)).toEqual({ width: 1100, height: 700, maximized: true });
      await third.close();
    } finally {
      await rm(userData, { recursive: true, force: true });
    }
  });
});
