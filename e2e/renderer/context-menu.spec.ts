import { entryOf, sidOf } from './harness/connector-service.ts';
import { expectNoAxeViolations } from './harness/accessibility.ts';
import { expect, test } from './harness/fixtures.ts';
import { saveScreen } from './harness/screenshots.ts';

const MENU_ITEMS = ['Properties', 'Members', 'Copy SID', 'Copy name', 'Remove'];

test.describe('the servers grid as a Windows list', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a row has a context menu (right-click, Shift+F10, the Menu key) whose copy items fill the clipboard; Ctrl+C, F5, Ctrl+F and Delete work', async ({
    app,
    connector,
    testDomain,
  }) => {
    await connector.ensureEntries([await entryOf(testDomain, 'svc-sp-apppool', 'sharepoint'), await entryOf(testDomain, 'FS02$', 'fci')]);
    const fs02Sid = await sidOf(testDomain, 'FS02$');
    await app.signIn();
    const page = app.page;
    const row = app.rowOf('FS02');

    // Right-click: the row is selected and its menu opens at the pointer.
    await row.click({ button: 'right' });
    await expect(row).toHaveAttribute('aria-selected', 'true');
    const menu = page.getByRole('menu', { name: 'Actions for CORP\\FS02$' });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem')).toHaveText(MENU_ITEMS);
    await expect(menu.getByRole('menuitem', { name: 'Members' }), 'a computer has no members').toBeDisabled();
    await expectNoAxeViolations(page, 'servers context menu, light');
    await saveScreen(page, 'servers-context-menu');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, 'servers context menu, dark');
    await saveScreen(page, 'servers-context-menu');
    await page.emulateMedia({ colorScheme: 'light' });
    await menu.getByRole('menuitem', { name: 'Copy SID' }).click();
    await expect(menu).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Copied the SID of CORP\\FS02$ to the clipboard.' })).toBeVisible();
    expect(String(await page.evaluate('navigator.clipboard.readText()'))).toBe(fs02Sid);

    // Shift+F10 on the focused row; Escape closes the menu and focus goes back to the row.
    await row.focus();
    await page.keyboard.press('Shift+F10');
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Properties' }), 'the first item has focus').toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(row).toBeFocused();

    // The Menu key, then Copy name from the keyboard.
    await page.keyboard.press('ContextMenu');
    await expect(menu).toBeVisible();
    await menu.getByRole('menuitem', { name: 'Copy name' }).press('Enter');
    await expect.poll(async () => String(await page.evaluate('navigator.clipboard.readText()'))).toBe('CORP\\FS02$');

    // Ctrl+C: the selected row with a header, tab-separated like a Windows list view.
    await row.focus();
    await page.keyboard.press('Control+C');
    await expect
      .poll(async () => String(await page.evaluate('navigator.clipboard.readText()')))
      .toMatch(new RegExp(`^Account\\tRole\\tObject type\\tSID\\tAdded by\\tAdded on\\r\\nCORP\\\\FS02\\$\\tFile server using FCI\\tComputer\\t${fs02Sid}\\t`));

    // F5 reads the list again (and does not reload the window); Ctrl+F goes to the filter.
    const reads = () => app.bridge.calls.filter((call) => call.channel === 'servers:list').length;
    const before = reads();
    await page.keyboard.press('F5');
    await expect.poll(reads).toBe(before + 1);
    await expect(page.getByRole('heading', { level: 1, name: 'Servers allowed to utilize the connector' })).toBeVisible();
    await page.keyboard.press('Control+F');
    await expect(page.getByRole('textbox', { name: 'Filter entries' })).toBeFocused();

    // Properties from the menu, Enter and double-click open the account's Properties panel.
    const properties = (name: RegExp) => page.getByRole('dialog', { name });
    await row.click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Properties' }).click();
    await expect(properties(/FS02\$ Properties$/)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(properties(/FS02\$ Properties$/)).toBeHidden();
    await row.focus();
    await page.keyboard.press('Enter');
    await expect(properties(/FS02\$ Properties$/)).toBeVisible();
    await page.keyboard.press('Escape');
    await app.rowOf('svc-sp-apppool').dblclick();
    await expect(properties(/svc-sp-apppool Properties$/)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(properties(/svc-sp-apppool Properties$/)).toBeHidden();

    // Delete on the selected row opens the confirmation; Remove from the menu does too.
    await row.click();
    await page.keyboard.press('Delete');
    const confirmation = page.getByRole('alertdialog', { name: 'Remove CORP\\FS02$?' });
    await expect(confirmation).toBeVisible();
    await expect(confirmation).toContainText('CORP\\FS02$ is a computer account, allowed to use the connector as File server using FCI.');
    await expect(confirmation).toContainText('CORP\\FS02$ itself loses access.', { timeout: 30_000 });
    await page.keyboard.press('Escape');
    await expect(confirmation).toBeHidden();
    await app.rowOf('svc-sp-apppool').click({ button: 'right' });
    await page
      .getByRole('menu', { name: /Actions for CORP\\svc-sp-apppool/ })
      .getByRole('menuitem', { name: 'Remove' })
      .click();
    await expect(page.getByRole('alertdialog', { name: /^Remove CORP\\svc-sp-apppool\?$/ })).toBeVisible();
  });
});
