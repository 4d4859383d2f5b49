import { expect, test } from '@playwright/test';
import { launchConsole } from './electron-app.ts';

test.describe('first start of the desktop app', () => {
  test('opens one window titled RMS Connector Admin that offers the demo environment', async () => {
    const running = await launchConsole();
    try {
      await expect(running.window).toHaveTitle('RMS Connector Admin');
      await expect(running.window.getByRole('button', { name: 'Try the demo environment' })).toBeVisible();
      expect(running.app.windows()).toHaveLength(1);
      // The page got its bridge from the preload, and nothing of Node leaked into it.
      expect(await running.window.evaluate('[typeof window.adminBridge, typeof window.require, typeof window.process]')).toEqual([
        'object',
        'undefined',
        'undefined',
      ]);
    } finally {
      await running.close();
    }
  });
});
