import { pickWithObjectPicker, resolvedObject } from './harness/console-app.ts';
import { acknowledgeAll, saveAndClose } from './harness/findings.ts';
import { expect, test } from './harness/fixtures.ts';

test.describe('add accounts picked with Browse…', () => {
  test('adds the SharePoint Central Administration service account', async ({ app }) => {
    await app.signIn();
    const dialog = await app.openAddDialog();
    await dialog.getByRole('radio', { name: 'SharePoint Server' }).check();
    const types = await pickWithObjectPicker(app.page, dialog, 'svc-sp-central', 'svc-sp-central');
    expect(types.sort()).toEqual(['Security groups', 'Service accounts', 'Users']);

    await expect(resolvedObject(dialog)).toContainText('CORP\\svc-sp-central', { timeout: 30_000 });
    await expect(dialog.getByRole('heading', { name: 'Errors' })).toHaveCount(0);
    await acknowledgeAll(dialog);
    await saveAndClose(dialog);
    const row = app.rowOf('svc-sp-central');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('SharePoint Server');
  });

  test('adds the FCI file server FS01 by its computer account', async ({ app }) => {
    await app.signIn();
    const dialog = await app.openAddDialog();
    await dialog.getByRole('radio', { name: 'File server using FCI' }).check();
    const types = await pickWithObjectPicker(app.page, dialog, 'FS01', /FS01/);
    expect(types.sort()).toEqual(['Computers', 'Security groups']);

    await expect(resolvedObject(dialog)).toContainText('CORP\\FS01$', { timeout: 30_000 });
    await expect(dialog.getByRole('heading', { name: 'Errors' })).toHaveCount(0);
    await acknowledgeAll(dialog);
    await saveAndClose(dialog);
    const row = app.rowOf('FS01');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('File server using FCI');
  });
});
