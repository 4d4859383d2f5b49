import { expectNoAxeViolations } from './harness/accessibility.ts';
import { DIRECTORY_TIMEOUT_MS, PICKER_TITLE } from './harness/console-app.ts';
import { acknowledgeAll, saveAndClose } from './harness/findings.ts';
import { expect, test } from './harness/fixtures.ts';
import { saveScreen } from './harness/screenshots.ts';

test.describe('the object picker with several names', () => {
  test('tells the two John Smiths apart by their whole In Folder', async ({ app, page }) => {
    await app.signIn();
    const dialog = await app.openAddDialog();
    await dialog.getByRole('radio', { name: 'SharePoint Server' }).check();
    await dialog.getByRole('textbox', { name: 'Object name' }).fill('John Smith');
    await dialog.getByRole('button', { name: 'Check Names' }).click();
    const chooser = page.getByRole('dialog', { name: 'Multiple names found' });
    await expect(chooser).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    const rows = chooser.getByRole('grid', { name: 'Matching objects' }).getByRole('row').filter({ hasText: 'John Smith' });
    await expect(rows).toHaveCount(2);
    const folders = [];
    for (const row of await rows.all()) {
      const folder = row.getByRole('gridcell').nth(3);
      expect(
        await folder.evaluate((element: { scrollWidth: number; clientWidth: number }) => element.scrollWidth <= element.clientWidth),
        'In Folder is not cut',
      ).toBe(true);
      await expect(folder).toBeInViewport({ ratio: 1 });
      folders.push(await folder.textContent());
    }
    expect(folders.sort()).toEqual(['corp.contoso.test/Contoso/People', 'corp.contoso.test/Contoso/Service Accounts']);
    await rows.nth(1).click();
    await expect(chooser.getByText(/^In Folder: corp\.contoso\.test\//)).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `multiple names found (${colorScheme})`);
      await saveScreen(page, 'multiple-names-in-folder');
    }
  });

  test('checks “alice; bob” and adds both entries', async ({ app, page }) => {
    await app.signIn();
    const dialog = await app.openAddDialog();
    await dialog.getByRole('radio', { name: 'SharePoint Server' }).check();
    await dialog.getByRole('textbox', { name: 'Object name' }).fill(' alice ;  bob; ');
    await dialog.getByRole('button', { name: 'Check Names' }).click();
    const checked = dialog.getByRole('region', { name: 'Names checked' });
    await expect(checked.getByRole('listitem', { name: 'CORP\\alice' })).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    await expect(checked.getByRole('listitem', { name: 'CORP\\bob' })).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    await expect(checked.getByText('Checking the grant…')).toHaveCount(0, { timeout: DIRECTORY_TIMEOUT_MS });
    await expect(dialog.getByRole('heading', { name: 'Errors' })).toHaveCount(0);
    await saveScreen(page, 'add-several-names');
    await acknowledgeAll(dialog);
    await saveAndClose(dialog);
    await expect(app.rowOf('CORP\\alice')).toHaveCount(1);
    await expect(app.rowOf('CORP\\bob')).toHaveCount(1);
    await expect(page.getByText(/Added 2 as SharePoint Server: CORP\\alice, CORP\\bob\./)).toBeVisible();
  });

  test('reports a name not found among several and keeps Save disabled', async ({ app, page }) => {
    await app.signIn();
    const dialog = await app.openAddDialog();
    await dialog.getByRole('radio', { name: 'SharePoint Server' }).check();
    await dialog.getByRole('textbox', { name: 'Object name' }).fill('alice; no-such-account-19');
    await dialog.getByRole('button', { name: 'Check Names' }).click();
    await expect(dialog.getByRole('alert').filter({ hasText: 'Not found' })).toContainText('no-such-account-19', { timeout: DIRECTORY_TIMEOUT_MS });
    await expect(dialog.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
    await expectNoAxeViolations(page, 'several names, one not found');
  });

  test('selects several results in Browse…, shows the domain atop the OU tree and labels stale results', async ({ app, page }) => {
    await app.signIn();
    const dialog = await app.openAddDialog();
    await dialog.getByRole('radio', { name: 'SharePoint Server' }).check();
    await dialog.getByRole('button', { name: 'Browse…' }).click();
    const picker = page.getByRole('dialog', { name: PICKER_TITLE });
    await picker.getByRole('textbox', { name: 'Name starts with' }).fill('svc-sp');
    await picker.getByRole('button', { name: 'Find Now' }).click();
    const results = picker.getByRole('grid', { name: 'Search results' });
    await expect(results).toHaveAttribute('aria-multiselectable', 'true');
    const central = results.getByRole('row').filter({ hasText: 'svc-sp-central' });
    const apppool = results.getByRole('row').filter({ hasText: 'svc-sp-apppool' });
    await expect(central.first()).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    await central.first().click();
    await apppool.first().click({ modifiers: ['Control'] });
    await expect(results.getByRole('row', { selected: true })).toHaveCount(2);
    await expect(picker.getByText(/found, 2 selected/)).toBeVisible();

    await picker.getByRole('radio', { name: 'Organizational unit' }).check();
    await expect(picker.getByText('Results from Entire domain — search again')).toBeVisible();
    const tree = picker.getByRole('tree', { name: 'Organizational units' });
    const domain = tree.getByRole('treeitem', { name: /^corp\.contoso\.test/ }).first();
    await expect(domain).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    await expect(domain).toHaveAttribute('aria-level', '1');
    await domain.getByText('corp.contoso.test', { exact: true }).click();
    await expect(domain).toHaveAttribute('aria-selected', 'true');
    await saveScreen(page, 'object-picker-domain-root');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `object picker, several selected, stale (${colorScheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await picker.getByRole('radio', { name: 'Entire domain' }).check();
    await expect(picker.getByText(/search again/)).toHaveCount(0);
    await picker.getByRole('button', { name: 'OK', exact: true }).click();
    await expect(picker).toBeHidden();
    const checked = dialog.getByRole('region', { name: 'Names checked' });
    await expect(checked.getByRole('listitem', { name: /^CORP\\svc-sp-/ })).toHaveCount(2, { timeout: DIRECTORY_TIMEOUT_MS });
    await expect(dialog.getByRole('textbox', { name: 'Object name' })).toHaveValue(/svc-sp-\w+; svc-sp-\w+/);
  });
});
