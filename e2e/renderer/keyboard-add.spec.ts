import { DIRECTORY_TIMEOUT_MS, resolvedObject } from './harness/console-app.ts';
import { acknowledgements } from './harness/findings.ts';
import { expect, test } from './harness/fixtures.ts';
import { isFocused, pointerPresses, pressUntilFocused, startCountingPointerPresses } from './harness/keyboard.ts';

test.describe('keyboard only', () => {
  test('adds a SharePoint account from the Add… button to the entry in the grid with Tab, arrows, Enter and Space', async ({ app }) => {
    const { page } = app;
    await app.signIn();
    await startCountingPointerPresses(page);

    await pressUntilFocused(page, page.getByRole('toolbar', { name: 'List actions' }).getByRole('button', { name: 'Add…' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Allow a server to utilize the connector' });
    await expect(dialog).toBeVisible();

    const roles = dialog.getByRole('radiogroup', { name: 'Role' });
    await pressUntilFocused(page, roles.getByRole('radio'));
    const sharePoint = roles.getByRole('radio', { name: 'SharePoint Server' });
    for (let presses = 0; presses < 4 && !(await sharePoint.isChecked()); presses += 1) await page.keyboard.press('ArrowDown');
    await expect(sharePoint).toBeChecked();

    await pressUntilFocused(page, dialog.getByRole('textbox', { name: 'Object name' }));
    await page.keyboard.type('svc-sp-central');
    await page.keyboard.press('Enter');
    await expect(resolvedObject(dialog)).toContainText('CORP\\svc-sp-central', { timeout: DIRECTORY_TIMEOUT_MS });

    const unacknowledged = acknowledgements(dialog).and(page.locator(':not(:checked)'));
    while ((await unacknowledged.count()) > 0) {
      await pressUntilFocused(page, unacknowledged);
      await page.keyboard.press('Space');
    }
    const save = dialog.getByRole('button', { name: 'Save', exact: true });
    await expect(save).toBeEnabled();
    await pressUntilFocused(page, save);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden({ timeout: 30_000 });

    const row = app.rowOf('svc-sp-central');
    await expect(row).toHaveCount(1);
    await pressUntilFocused(page, app.serversGrid().locator('*'));
    // Arrow keys select (single selection), Space selects the focused row (docs/console-ui.md).
    for (const key of ['ArrowDown', 'Space', 'ArrowUp']) {
      if ((await row.getAttribute('aria-selected')) === 'true') break;
      await page.keyboard.press(key);
    }
    await expect(row).toHaveAttribute('aria-selected', 'true');
    expect(await isFocused(page, app.serversGrid().locator('*'))).toBe(true);
    await expect(page.getByRole('toolbar', { name: 'List actions' }).getByRole('button', { name: 'Remove' })).toBeEnabled();
    expect(await pointerPresses(page), 'no pointer was used').toBe(0);
  });
});
