import path from 'node:path';
import type { Page } from '@playwright/test';
import { ADD_DIALOG_TITLE, PICKER_TITLE, SERVERS_HEADING } from './console-app.ts';
import { SEED_PASSWORD, upnOf } from './test-domain.ts';

const LONG_WAIT = { timeout: 60_000 };

/** Capture the viewport in light and dark as `<name>-<scheme>.png`; resolves to the files. */
async function capture(page: Page, folder: string, name: string): Promise<string[]> {
  const files: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const file = path.join(folder, `${name}-${colorScheme}.png`);
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    files.push(file);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return files;
}

/**
 * Sign in as alice through the form and visit each screen, capturing it in both schemes.
 *
 * Plain Playwright (no test runner): a human looks at the result, nothing is asserted
 * beyond waiting for each screen to show.
 */
export async function tourConsole(page: Page, siteUrl: string, folder: string): Promise<string[]> {
  const files: string[] = [];
  await page.goto(siteUrl);
  await page.getByRole('heading', { level: 1, name: 'Sign in to the connector configuration' }).waitFor();
  files.push(...(await capture(page, folder, 'sign-in')));
  await page.getByRole('textbox', { name: 'User name' }).fill(upnOf('alice'));
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(SEED_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: SERVERS_HEADING }).waitFor(LONG_WAIT);
  await page.getByRole('grid', { name: SERVERS_HEADING }).getByRole('row').nth(1).waitFor(LONG_WAIT);
  files.push(...(await capture(page, folder, 'servers')));

  await page.getByRole('toolbar', { name: 'List actions' }).getByRole('button', { name: 'Add…' }).click();
  const dialog = page.getByRole('dialog', { name: ADD_DIALOG_TITLE });
  await dialog.getByRole('radio', { name: 'Exchange Server' }).check();
  await dialog.getByRole('textbox', { name: 'Object name' }).fill('Exchange Servers');
  await dialog.getByRole('button', { name: 'Check Names' }).click();
  await dialog.getByRole('heading', { name: 'Warnings' }).waitFor(LONG_WAIT);
  files.push(...(await capture(page, folder, 'add-dialog-findings')));
  await dialog.getByRole('button', { name: 'Browse…' }).click();
  const picker = page.getByRole('dialog', { name: PICKER_TITLE });
  await picker.getByRole('button', { name: 'Find Now' }).click();
  await picker.getByRole('grid', { name: 'Search results' }).getByRole('row').nth(1).waitFor(LONG_WAIT);
  files.push(...(await capture(page, folder, 'object-picker')));
  await picker.getByRole('button', { name: 'Cancel' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const views: readonly [string, string][] = [
    ['Effective super users', 'super-users'],
    ['List review', 'review'],
    ['Audit log', 'audit'],
  ];
  for (const [view, name] of views) {
    await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: view, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: view }).waitFor();
    if (view === 'List review') {
      await page.getByRole('button', { name: 'Run review' }).click();
      await page.getByRole('heading', { name: /^(Errors|Warnings|Information)$/ }).first().waitFor(LONG_WAIT);
    } else {
      await page.getByRole('grid', { name: view === 'Audit log' ? 'Audit records' : view }).getByRole('row').nth(1).waitFor(LONG_WAIT);
    }
    files.push(...(await capture(page, folder, name)));
  }
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Servers', exact: true }).click();
  return files;
}
