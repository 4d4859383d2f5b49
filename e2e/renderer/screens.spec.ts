import { expectNoAxeViolations } from './harness/accessibility.ts';
import { DIRECTORY_TIMEOUT_MS, PICKER_TITLE, SERVERS_HEADING, SIGN_IN_TIMEOUT_MS } from './harness/console-app.ts';
import { entryOf } from './harness/connector-service.ts';
import { expect, test } from './harness/fixtures.ts';
import { saveScreen } from './harness/screenshots.ts';
import { SEED_PASSWORD } from './harness/test-domain.ts';

/**
 * Every screen and dialog: axe (WCAG 2.1 A/AA, zero violations) and a 1280×800 screenshot,
 * once in the light and once in the dark colour scheme.
 */
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`every screen, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test(`passes axe and is captured in ${colorScheme}`, async ({ app, connector, testDomain }) => {
      const { page } = app;
      const screen = async (name: string) => {
        await expectNoAxeViolations(page, `${name} (${colorScheme})`);
        await saveScreen(page, name);
      };
      await connector.ensureEntries([
        await entryOf(testDomain, 'Exchange Install Domain Servers', 'exchange'),
        await entryOf(testDomain, 'svc-sp-central', 'sharepoint'),
        await entryOf(testDomain, 'svc-sp-apppool', 'sharepoint'),
        await entryOf(testDomain, 'FCI File Servers', 'fci'),
      ]);

      await app.open();
      await screen('sign-in');
      await page.getByRole('button', { name: 'Advanced' }).click();
      await expect(page.getByRole('textbox', { name: 'Service URL' })).toBeVisible();
      await screen('sign-in-advanced');

      await app.submitSignIn('bob', SEED_PASSWORD);
      await expect(page.getByRole('region', { name: 'Sign-in problem' })).toBeVisible({ timeout: SIGN_IN_TIMEOUT_MS });
      await screen('sign-in-problem');

      await app.submitSignIn('alice');
      await expect(page.getByRole('heading', { level: 1, name: SERVERS_HEADING })).toBeVisible({ timeout: SIGN_IN_TIMEOUT_MS });
      await expect(app.rowOf('svc-sp-central')).toHaveCount(1);
      await screen('servers');

      const dialog = await app.openAddDialog();
      await screen('add-dialog');
      await app.checkName(dialog, 'Exchange Server', 'Exchange Servers');
      await expect(dialog.getByRole('heading', { name: 'Warnings' })).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
      await screen('add-dialog-findings');

      await dialog.getByRole('radio', { name: 'SharePoint Server' }).check();
      await dialog.getByRole('textbox', { name: 'Object name' }).fill('John Smith');
      await dialog.getByRole('button', { name: 'Check Names' }).click();
      const chooser = page.getByRole('dialog', { name: 'Multiple names found' });
      await expect(chooser).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
      await expect(chooser.getByRole('grid', { name: 'Matching objects' }).getByRole('row').filter({ hasText: 'John Smith' })).toHaveCount(2);
      await screen('multiple-names');
      await chooser.getByRole('button', { name: 'Cancel' }).click();
      await expect(chooser).toBeHidden();

      await dialog.getByRole('button', { name: 'Browse…' }).click();
      const picker = page.getByRole('dialog', { name: PICKER_TITLE });
      await expect(picker).toBeVisible();
      await picker.getByRole('textbox', { name: 'Name starts with' }).fill('svc-sp');
      await picker.getByRole('button', { name: 'Find Now' }).click();
      await expect(picker.getByRole('grid', { name: 'Search results' }).getByRole('row').filter({ hasText: 'svc-sp-apppool' }).first()).toBeVisible({
        timeout: DIRECTORY_TIMEOUT_MS,
      });
      await screen('object-picker');
      await picker.getByRole('radio', { name: 'Organizational unit' }).check();
      await expect(picker.getByRole('tree', { name: 'Organizational units' })).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
      await expect(picker.getByRole('treeitem').first()).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
      await screen('object-picker-tree');
      await picker.getByRole('button', { name: 'Cancel' }).click();
      await expect(picker).toBeHidden();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();

      await app.rowOf('svc-sp-apppool').click();
      await page.getByRole('toolbar', { name: 'List actions' }).getByRole('button', { name: 'Remove' }).click();
      const confirmation = page.getByRole('alertdialog', { name: /^Remove .*\?$/ });
      await expect(confirmation).toBeVisible();
      await screen('remove-confirmation');
      await confirmation.getByRole('button', { name: 'Cancel' }).click();
      await expect(confirmation).toBeHidden();

      await page.getByRole('textbox', { name: 'Filter entries' }).fill('svc-sp');
      await expect(app.rowOf('FCI File Servers')).toHaveCount(0);
      await screen('servers-filtered');
      await page.getByRole('textbox', { name: 'Filter entries' }).fill('');

      await app.openView('Effective super users');
      await expect(page.getByRole('heading', { level: 1, name: 'Effective super users' })).toBeVisible();
      const superUsers = page.getByRole('grid', { name: 'Effective super users' });
      const refresh = page.getByRole('button', { name: 'Refresh', exact: true });
      if (await refresh.isEnabled()) await refresh.click();
      await expect(superUsers.getByRole('row').filter({ hasText: 'EXCH03' }).first()).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
      // Rows of an earlier expansion can show while a new one runs; axe must see the settled page,
      // not a Refresh button that turns enabled halfway through its check.
      await expect(refresh).toBeEnabled({ timeout: DIRECTORY_TIMEOUT_MS });
      await expect(page.getByRole('status').filter({ hasText: 'open all protected content' })).toBeVisible();
      await screen('super-users');

      await app.openView('List review');
      await page.getByRole('button', { name: 'Run review' }).click();
      await expect(page.getByRole('heading', { name: /^(Errors|Warnings|Information)$/ }).first()).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
      await screen('review');

      await app.openView('Audit log');
      await expect(page.getByRole('grid', { name: 'Audit records' }).getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
      await screen('audit');
    });
  });
}
