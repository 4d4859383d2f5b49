import { BRIDGE_BINDING } from './harness/bridge.ts';
import { expect, test } from './harness/fixtures.ts';

const FRAME_PATH = '__e2e/foreign-frame.html';

test.describe('a frame inside the console', () => {
  test("is not loaded at all: the page policy allows no frames (frame-src 'none')", async ({ app, site }) => {
    const { page } = app;
    await page.route(`${site.url}${FRAME_PATH}`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>foreign</title><p>foreign content</p>' }),
    );
    await app.open();
    const violation = page.waitForEvent('console', (message) => message.text().includes('frame-src'));
    await page.evaluate(`(() => {
      const frame = document.createElement('iframe');
      frame.title = 'foreign';
      frame.src = '${FRAME_PATH}';
      document.body.append(frame);
    })()`);
    expect((await violation).text()).toMatch(/Content Security Policy/);
    expect(page.frames().some((candidate) => candidate.url().endsWith(FRAME_PATH))).toBe(false);
  });
});

test.describe('IPC from a frame other than the console', () => {
  // The page policy already refuses frames (above); this goes past it on purpose to show the
  // second line holds on its own: the bridge answers the main frame only.
  test.use({ bypassCSP: true });

  test('refuses a same-origin iframe that calls the bridge binding, while the console itself is answered', async ({ app, site }) => {
    const { page } = app;
    await page.route(`${site.url}${FRAME_PATH}`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>foreign</title><p>foreign content</p>' }),
    );
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
