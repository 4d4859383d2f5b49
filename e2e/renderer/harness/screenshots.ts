import path from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR } from './paths.ts';

/** The colour scheme the page renders in now (what `colorScheme` emulation set). */
export async function colorSchemeOf(page: Page): Promise<'light' | 'dark'> {
  const dark = await page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches");
  return dark === true ? 'dark' : 'light';
}

/**
 * Save the viewport as `<screen>-<light|dark>.png` under test-results/screenshots/ (or `folder`).
 *
 * Animations are disabled and the caret hidden, so two runs of an unchanged screen match.
 */
export async function saveScreen(page: Page, screen: string, folder = SCREENSHOT_DIR): Promise<string> {
  const file = path.join(folder, `${screen}-${await colorSchemeOf(page)}.png`);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  return file;
}
