import { BRIDGE_BINDING } from './harness/bridge.ts';
import { expect, test } from './harness/fixtures.ts';

const FRAME_PATH = '__e2e/foreign-frame.html';

test.describe('IPC from a frame other than the console', () => {
  test('refuses a same-origin iframe that calls the bridge binding, while the console itself is answered', async ({ app, site }) => {
    const { page } = app;
    await page.route(`${site.url}${FRAME_PATH}`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>foreign</title><p>foreign content</p>' }));
    await app.open();

    // Positive control: the main frame's bridge reaches the main process.
    const answered = await page.evaluate("window.adminBridge.invoke('console:get-defaults', {}).then((result) => result.ok)");
    expect(answered).toBe(true);

    await page.evaluate(`new Promise((resolve) => {
      const frame = document.createElement('iframe');
      frame.title = 'foreign';
      frame.src = '${FRAME_PATH}';
      frame.addEventListener('load', () => resolve(undefined));
      document.body.append(frame);
    })`);
    const frame = page.frames().find((candidate) => candidate.url().endsWith(FRAME_PATH));
    if (frame === undefined) throw new Error('the iframe did not load');

    expect(await frame.evaluate('typeof window.adminBridge'), 'the preload stand-in runs in the top frame only').toBe('undefined');
    const callsBefore = app.bridge.calls.length;
    const outcome = await frame.evaluate(
      `window['${BRIDGE_BINDING}']('console:get-defaults', {}).then((result) => 'answered: ' + JSON.stringify(result), (error) => 'refused: ' + String(error && error.message))`,
    );
    expect(String(outcome)).toMatch(/^refused: .*main frame/);
    expect(app.bridge.refused).toEqual(['console:get-defaults']);
    expect(app.bridge.calls.length, 'nothing from the frame reached the main process').toBe(callsBefore);
  });
});
