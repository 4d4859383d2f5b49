import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './harness/accessibility.ts';
import { SERVERS_HEADING, SIGN_IN_TIMEOUT_MS } from './harness/console-app.ts';
import { entryOf } from './harness/connector-service.ts';
import { expect, test } from './harness/fixtures.ts';
import { saveScreen } from './harness/screenshots.ts';

function header(page: Page, name: string): Locator {
  return page.getByRole('grid', { name: SERVERS_HEADING }).getByRole('columnheader', { name, exact: true });
}

async function widthOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('The column header is not laid out.');
  return Math.round(box.width);
}

/** Drag a column's divider (the right edge of its header) by `by` pixels with the mouse. */
async function dragDivider(page: Page, column: Locator, by: number): Promise<void> {
  const box = await column.boundingBox();
  if (!box) throw new Error('The column header is not laid out.');
  const x = box.x + box.width - 3;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + by / 2, y, { steps: 4 });
  await page.mouse.move(x + by, y, { steps: 4 });
  await page.mouse.up();
}

test.describe('grid columns', () => {
  test.beforeEach(async ({ connector, testDomain }) => {
    await connector.ensureEntries([
      await entryOf(testDomain, 'svc-sp-central', 'sharepoint'),
      await entryOf(testDomain, 'disabled.user', 'sharepoint'),
      await entryOf(testDomain, 'Exchange Servers', 'exchange'),
      await entryOf(testDomain, 'FS01$', 'fci'),
    ]);
  });

  test('a column sized with the mouse and a column hidden with Columns… are still so after a reload', async ({ app, page }) => {
    await app.signIn();
    await expect(app.rowOf('svc-sp-central')).toHaveCount(1);
    const account = header(page, 'Account');
    const sid = header(page, 'SID');
    expect(await widthOf(account), 'the account takes more room than the SID').toBeGreaterThan(await widthOf(sid));
    const sidCell = app.rowOf('svc-sp-central').getByRole('gridcell').nth(3);
    await expect(sidCell).toHaveAttribute('title', /^S-1-5-21-/);

    const before = await widthOf(sid);
    await dragDivider(page, sid, 120);
    await expect.poll(() => widthOf(sid)).toBeGreaterThan(before + 100);
    const sized = await widthOf(sid);

    await page.getByRole('button', { name: 'Columns…' }).click();
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitemcheckbox', { name: 'Account' })).toBeDisabled();
    await expect(menu.getByRole('menuitemcheckbox', { name: 'Description' })).not.toBeChecked();
    await saveScreen(page, 'grid-columns-menu');
    await menu.getByRole('menuitemcheckbox', { name: 'Added by' }).click();
    await page.keyboard.press('Escape');
    await expect(header(page, 'Added by')).toHaveCount(0);

    await page.reload();
    const signIn = page.getByRole('heading', { level: 1, name: 'Sign in to the connector configuration' });
    const servers = page.getByRole('heading', { level: 1, name: SERVERS_HEADING });
    await expect(signIn.or(servers)).toBeVisible({ timeout: SIGN_IN_TIMEOUT_MS });
    if (await signIn.isVisible()) await app.submitSignIn('alice');
    await expect(app.rowOf('svc-sp-central')).toHaveCount(1, { timeout: SIGN_IN_TIMEOUT_MS });

    await expect(header(page, 'Added by')).toHaveCount(0);
    expect(Math.abs((await widthOf(header(page, 'SID'))) - sized)).toBeLessThanOrEqual(1);
    await saveScreen(page, 'grid-columns-after-reload');
  });

  test('sizes a column from the keyboard with Alt+arrows and fits it with a double-click', async ({ app, page }) => {
    await app.signIn();
    await expect(app.rowOf('svc-sp-central')).toHaveCount(1);
    const role = header(page, 'Role');
    await role.focus();
    const before = await widthOf(role);
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => widthOf(role)).toBe(before + 32);
    await expect(role).toHaveAccessibleDescription(/Alt\+Left and Alt\+Right/);

    const sid = header(page, 'SID');
    const box = await sid.boundingBox();
    if (!box) throw new Error('The SID header is not laid out.');
    await page.mouse.dblclick(box.x + box.width - 3, box.y + box.height / 2);
    const cell = app.rowOf('svc-sp-central').getByRole('gridcell').nth(3);
    await expect.poll(() => cell.evaluate((element: { scrollWidth: number; clientWidth: number }) => element.scrollWidth <= element.clientWidth)).toBe(true);
  });

  test('shows the Description column on demand, with the account type icons and no axe violations', async ({ app, page }) => {
    await app.signIn();
    await expect(app.rowOf('svc-sp-central')).toHaveCount(1);
    await page.getByRole('button', { name: 'Columns…' }).click();
    await page.getByRole('menu').getByRole('menuitemcheckbox', { name: 'Description' }).click();
    await page.keyboard.press('Escape');
    await expect(header(page, 'Description')).toBeVisible();
    await expect(app.rowOf('disabled.user')).toContainText('(disabled)');
    await expect(app.rowOf('svc-sp-central')).not.toContainText('(disabled)');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `servers grid with Description (${colorScheme})`);
      await saveScreen(page, 'grid-columns-description');
    }
  });
});
