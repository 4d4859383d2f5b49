import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './harness/accessibility.ts';
import { DIRECTORY_TIMEOUT_MS } from './harness/console-app.ts';
import { entryOf, seededObject } from './harness/connector-service.ts';
import { expect, test } from './harness/fixtures.ts';
import { createPropertiesObjects, type PropertiesObjects } from './harness/properties-objects.ts';
import { saveScreen } from './harness/screenshots.ts';

const TAG = Date.now().toString(36).slice(-6);
let objects: PropertiesObjects;

const panelOf = (page: Page, accountName: string): Locator => page.getByRole('dialog', { name: `${accountName} Properties` });
const tabOf = (panel: Locator, name: string): Locator => panel.getByRole('tablist', { name: 'Properties sections' }).getByRole('tab', { name, exact: true });
/** The General (or Object) list's value for a label, as the panel shows it. */
const valueOf = (panel: Locator, term: string): Locator => panel.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
const listRow = (panel: Locator, list: 'Member Of' | 'Members', account: string): Locator =>
  panel
    .getByRole('table', { name: list })
    .getByRole('row')
    .filter({ has: panel.page().getByRole('button', { name: account, exact: true }) });

test.describe('account properties', () => {
  test.beforeAll(async ({ testDomain }) => {
    objects = await createPropertiesObjects(testDomain, TAG);
  });
  test.afterAll(async () => {
    await objects.remove();
  });
  test.beforeEach(async ({ connector, testDomain }) => {
    await connector.ensureEntries([
      await entryOf(testDomain, objects.group.sam, 'exchange'),
      await entryOf(testDomain, objects.computerSam, 'fci'),
      await entryOf(testDomain, objects.userSam, 'sharepoint'),
    ]);
  });

  test('double-click opens a disabled user: the directory’s values, Member Of with the primary group; Escape returns focus', async ({
    app,
    page,
    testDomain,
  }) => {
    const user = await seededObject(testDomain, objects.userSam);
    await app.signIn();
    const row = app.rowOf(objects.userSam);
    await row.dblclick();
    const panel = panelOf(page, `CORP\\${objects.userSam}`);
    await expect(panel).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    await expect(valueOf(panel, 'Account name')).toHaveText(`CORP\\${objects.userSam}`);
    await expect(valueOf(panel, 'Status')).toHaveText('Disabled');
    await expect(valueOf(panel, 'Type')).toHaveText('User');
    await expect(valueOf(panel, 'Description')).toHaveText(objects.userDescription);
    await expect(valueOf(panel, 'In Folder')).toHaveText(objects.folder);
    expect(user.inFolder).toBe(objects.folder);
    await expect(valueOf(panel, 'Created')).toHaveText(/\d/);
    await saveScreen(page, 'account-properties-general');

    await tabOf(panel, 'Object').click();
    await expect(valueOf(panel, 'SID')).toContainText(user.sid);
    await expect(valueOf(panel, 'GUID')).toContainText(`{${user.guid}}`);
    await expect(panel.getByRole('button', { name: 'Copy SID' })).toBeVisible();

    await tabOf(panel, 'Member Of').click();
    await expect(listRow(panel, 'Member Of', 'CORP\\Domain Users')).toContainText('Primary group');
    await expect(listRow(panel, 'Member Of', `CORP\\${objects.nested.sam}`)).toContainText('Direct');
    await expect(listRow(panel, 'Member Of', `CORP\\${objects.group.sam}`)).toHaveCount(0);
    await panel.getByRole('switch', { name: 'Include nested security groups' }).click();
    await expect(listRow(panel, 'Member Of', `CORP\\${objects.group.sam}`)).toContainText('Nested', { timeout: DIRECTORY_TIMEOUT_MS });
    await expect(listRow(panel, 'Member Of', 'BUILTIN\\Users')).toContainText('Nested');

    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(row).toBeFocused();
  });

  test('Enter opens a group: Members, then every member at any depth; the computer’s In Folder in full', async ({ app, page }) => {
    await app.signIn();
    const row = app.rowOf(objects.group.sam);
    // On the Account cell: an Exchange row's Role cell holds the Super user button.
    await row.getByRole('gridcell').first().click();
    await page.keyboard.press('Enter');
    const panel = panelOf(page, `CORP\\${objects.group.sam}`);
    await expect(panel).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    await expect(valueOf(panel, 'Type')).toHaveText('Security Group - Universal');
    await expect(valueOf(panel, 'Status')).toHaveCount(0);

    await tabOf(panel, 'Members').click();
    await expect(panel.getByText('2 members', { exact: true })).toBeVisible();
    await expect(listRow(panel, 'Members', `CORP\\${objects.nested.sam}`)).toContainText('Direct');
    await expect(listRow(panel, 'Members', `CORP\\${objects.computerSam}`)).toContainText(`${objects.folder}/Servers (Lab)`);
    await panel.getByRole('switch', { name: 'Include nested members' }).click();
    await expect(panel.getByText('3 members', { exact: true })).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    const user = listRow(panel, 'Members', `CORP\\${objects.userSam}`);
    await expect(user).toContainText('Nested');
    await expect(user).toContainText('Disabled');
    await saveScreen(page, 'account-properties-members');

    // A member's name opens its own Properties in the same panel.
    await panel.getByRole('button', { name: `CORP\\${objects.computerSam}`, exact: true }).click();
    const computer = panelOf(page, `CORP\\${objects.computerSam}`);
    await expect(computer).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    await tabOf(computer, 'General').click();
    await expect(valueOf(computer, 'In Folder')).toHaveText(`${objects.folder}/Servers (Lab)`);
    await tabOf(computer, 'Member Of').click();
    await expect(listRow(computer, 'Member Of', 'CORP\\Domain Computers')).toContainText('Primary group');

    await page.keyboard.press('Escape');
    await expect(computer).toBeHidden();
    await expect(row).toBeFocused();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`passes axe with the panel open (${colorScheme})`, async ({ app, page }) => {
      await page.emulateMedia({ colorScheme });
      await app.signIn();
      await app.rowOf(objects.group.sam).getByRole('gridcell').first().dblclick();
      const panel = panelOf(page, `CORP\\${objects.group.sam}`);
      await expect(valueOf(panel, 'Type')).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
      await expectNoAxeViolations(page, `account properties, General (${colorScheme})`);
      await tabOf(panel, 'Object').click();
      await expect(panel.getByRole('button', { name: 'Copy GUID' })).toBeVisible();
      await expectNoAxeViolations(page, `account properties, Object (${colorScheme})`);
      await tabOf(panel, 'Members').click();
      await expect(panel.getByRole('table', { name: 'Members' })).toBeVisible();
      await expectNoAxeViolations(page, `account properties, Members (${colorScheme})`);
      await saveScreen(page, 'account-properties-group');
    });
  }
});
