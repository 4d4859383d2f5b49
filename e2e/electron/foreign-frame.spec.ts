import { expect, test } from '@playwright/test';
import { launchConsole } from './electron-app.ts';

const FOREIGN_TITLE = 'foreign-origin';

test.describe('IPC from a page that is not the console', () => {
  test('refuses a bridge call from another origin, while the console itself is answered', async () => {
    const running = await launchConsole();
    try {
      const answered = await running.window.evaluate("window.adminBridge.invoke('console:get-defaults', {}).then((result) => result.ok)");
      expect(answered, 'positive control: the console is answered').toBe(true);

      // A second window on a data: URL with the app's own preload: the bridge exists there, so
      // only the main process's sender check stands between that origin and the handlers.
      await running.app.evaluate(async ({ app, BrowserWindow }, title) => {
        const foreign = new BrowserWindow({
          show: false,
          webPreferences: { preload: `${app.getAppPath()}/dist/preload/preload.cjs`, sandbox: true, contextIsolation: true },
        });
        await foreign.loadURL(`data:text/html,<title>${title}</title><p>foreign content</p>`);
      }, FOREIGN_TITLE);
      const foreign = running.app.windows().find((page) => page.url().startsWith('data:'));
      if (foreign === undefined) throw new Error('the foreign window did not open');
      await expect(foreign).toHaveTitle(FOREIGN_TITLE);

      // The preload must have run there, or the sender check would never be exercised.
      expect(await foreign.evaluate('typeof window.adminBridge'), 'the foreign window has the bridge').toBe('object');
      const outcome = await foreign.evaluate(
        "window.adminBridge.invoke('console:get-defaults', {}).then((result) => (result.ok ? 'answered' : 'refused: ' + result.error.code), (error) => 'rejected: ' + String(error && error.message))",
      );
      expect(String(outcome)).toBe('refused: FORBIDDEN_SENDER');

      // And an iframe injected into the console gets neither a bridge nor an answer.
      const inFrame = await running.window.evaluate(`new Promise((resolve) => {
        const frame = document.createElement('iframe');
        frame.srcdoc = '<p>frame</p>';
        frame.addEventListener('load', () => { try { resolve(typeof frame.contentWindow.adminBridge); } catch (error) { resolve('blocked: ' + error.message); } });
        frame.addEventListener('error', () => resolve('blocked'));
        document.body.append(frame);
        setTimeout(() => resolve('blocked: no load'), 5000);
      })`);
      expect(String(inFrame)).toMatch(/^(undefined|blocked)/);
    } finally {
      await running.close();
    }
  });
});
