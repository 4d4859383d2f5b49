import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './harness/accessibility.ts';
import { DIRECTORY_TIMEOUT_MS } from './harness/console-app.ts';
import { entryOf } from './harness/connector-service.ts';
import { expect, test } from './harness/fixtures.ts';
import { pointerPresses, pressUntilFocused, startCountingPointerPresses } from './harness/keyboard.ts';
import { saveScreen } from './harness/screenshots.ts';

const DIALOG = 'Test a server';

async function openTestDialog(page: Page): Promise<Locator> {
  await page.getByRole('toolbar', { name: 'List actions' }).getByRole('button', { name: 'Test a server…' }).click();
  const dialog = page.getByRole('dialog', { name: DIALOG });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function testAccount(dialog: Locator, name: string, role: string): Promise<void> {
  await dialog.getByRole('radiogroup', { name: 'Role' }).getByRole('radio', { name: role }).check();
  await dialog.getByRole('textbox', { name: 'Account name' }).fill(name);
  await dialog.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(dialog.getByRole('heading', { level: 3, name: /^(Admitted|Refused)$/ })).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
}

test.describe('Test a server…', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test.beforeEach(async ({ connector, testDomain }) => {
    await connector.ensureEntries([await entryOf(testDomain, 'Exchange Servers', 'exchange'), await entryOf(testDomain, 'FCI File Servers', 'fci')]);
  });

  test('shows an admitted Exchange server with its path as a chain, super user, and copies it as text', async ({ app }) => {
    const { page } = app;
    await app.signIn();
    const dialog = await openTestDialog(page);
    await testAccount(dialog, 'CORP\\EXCH01$', 'Exchange Server');

    await expect(dialog.getByRole('heading', { level: 3, name: 'Admitted', exact: true })).toBeVisible();
    await expect(dialog.getByText('Super user', { exact: true })).toBeVisible();
    const path = dialog.getByRole('list', { name: 'Path from CORP\\EXCH01$ to CORP\\Exchange Servers' });
    await expect(path.getByRole('listitem')).toHaveText([/^CORP\\EXCH01\$\s*Computer$/, /^CORP\\Exchange Servers\s*Group$/]);
    await expect(dialog.getByRole('list', { name: 'Admitting entries' })).toContainText('Exchange Server: CORP\\Exchange Servers');
    await saveScreen(page, 'explain-admitted');

    await dialog.getByRole('button', { name: 'Copy as text' }).click();
    await expect(dialog.getByText('Copied the explanation to the clipboard.')).toBeVisible();
    const copied = String(await page.evaluate('navigator.clipboard.readText()'));
    expect(copied).toContain('CORP\\EXCH01$ (Computer, In Folder');
    expect(copied).toContain('ADMITTED for the Exchange Server role.');
    expect(copied).toContain('    CORP\\EXCH01$ → CORP\\Exchange Servers');
    expect(copied).toContain('Super user: YES');
  });

  test('shows a member only through its primary group with that note', async ({ app }) => {
    await app.signIn();
    const dialog = await openTestDialog(app.page);
    await testAccount(dialog, 'EXCH03$', 'Any role');
    await expect(dialog.getByRole('heading', { level: 3, name: 'Admitted', exact: true })).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'Admitting entries' })).toContainText('(through its primary group)');
    await expect(dialog.getByRole('list', { name: 'Path from CORP\\EXCH03$ to CORP\\Exchange Servers' }).getByRole('listitem')).toHaveCount(3);
  });

  test('shows a refused file server with the warning 2001 advice, the group to join and a copyable command', async ({ app }) => {
    const { page } = app;
    await app.signIn();
    const dialog = await openTestDialog(page);
    await testAccount(dialog, 'FS03$', 'File server using FCI');

    await expect(dialog.getByRole('heading', { level: 3, name: 'Refused', exact: true })).toBeVisible();
    await expect(dialog.getByText('Super user', { exact: true })).toHaveCount(0);
    await expect(dialog.getByRole('heading', { level: 3, name: 'Errors' })).toBeVisible();
    await expect(dialog.getByText('The connector refuses this account (warning 2001)')).toBeVisible();
    await expect(dialog.getByText('Code: JOIN_GROUP')).toBeVisible();
    const join = dialog.locator('code').filter({ hasText: 'Add-ADGroupMember' });
    await expect(join).toContainText('FCI File Servers');
    await saveScreen(page, 'explain-refused');

    const copyCommand = dialog.getByRole('button', { name: 'Copy command' }).first();
    await copyCommand.click();
    await expect(dialog.getByText('Copied.', { exact: true }).first()).toBeVisible();
    expect(String(await page.evaluate('navigator.clipboard.readText()'))).toMatch(/^Add-ADGroupMember|^rms-connector-admin|^klist/);
  });

  test('refuses a pattern with a clear error and no result', async ({ app }) => {
    await app.signIn();
    const dialog = await openTestDialog(app.page);
    await dialog.getByRole('textbox', { name: 'Account name' }).fill('EXCH*');
    await dialog.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(dialog.getByText(/not a pattern/)).toBeVisible();
    await expect(dialog.getByRole('heading', { level: 3, name: /^(Admitted|Refused)$/ })).toHaveCount(0);
  });

  test('tests a server with the keyboard only', async ({ app }) => {
    const { page } = app;
    await app.signIn();
    await startCountingPointerPresses(page);
    // Tab enters the toolbar (at Add…), arrows move inside it (Fluent's roving focus).
    const toolbar = page.getByRole('toolbar', { name: 'List actions' });
    await pressUntilFocused(page, toolbar.getByRole('button', { name: 'Add…' }));
    await pressUntilFocused(page, toolbar.getByRole('button', { name: 'Test a server…' }), 'ArrowRight', 6);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: DIALOG });
    await expect(dialog).toBeVisible();

    const roles = dialog.getByRole('radiogroup', { name: 'Role' });
    await pressUntilFocused(page, roles.getByRole('radio'));
    const exchange = roles.getByRole('radio', { name: 'Exchange Server' });
    for (let presses = 0; presses < 4 && !(await exchange.isChecked()); presses += 1) await page.keyboard.press('ArrowRight');
    await expect(exchange).toBeChecked();

    await pressUntilFocused(page, dialog.getByRole('textbox', { name: 'Account name' }), 'Shift+Tab');
    await page.keyboard.type('EXCH02$');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('heading', { level: 3, name: 'Admitted', exact: true })).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });

    await pressUntilFocused(page, dialog.getByRole('button', { name: 'Copy as text' }));
    await page.keyboard.press('Enter');
    await expect(dialog.getByText('Copied the explanation to the clipboard.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await pointerPresses(page), 'no pointer was used').toBe(0);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(colorScheme, () => {
      test.use({ colorScheme });

      test(`passes axe with a result shown (${colorScheme})`, async ({ app }) => {
        const { page } = app;
        await app.signIn();
        const dialog = await openTestDialog(page);
        await expectNoAxeViolations(page, `test a server (${colorScheme})`);
        await testAccount(dialog, 'EXCH01$', 'Any role');
        await expect(dialog.getByText('Super user', { exact: true })).toBeVisible();
        await expectNoAxeViolations(page, `test a server, admitted (${colorScheme})`);
        await saveScreen(page, 'explain');
        await testAccount(dialog, 'FS03$', 'File server using FCI');
        await expect(dialog.getByRole('heading', { level: 3, name: 'Errors' })).toBeVisible();
        await expectNoAxeViolations(page, `test a server, refused (${colorScheme})`);
      });
    });
  }
});
