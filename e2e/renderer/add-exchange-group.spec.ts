import { DIRECTORY_TIMEOUT_MS, resolvedObject } from './harness/console-app.ts';
import { acknowledgeAll, saveAndClose, SUPER_USER_ACKNOWLEDGEMENT } from './harness/findings.ts';
import { expect, test } from './harness/fixtures.ts';

test.describe('add the Exchange Servers group for the Exchange role', () => {
  test('warns that its members become super users, saves only once acknowledged, and audits the add', async ({ app }) => {
    await app.signIn();
    const dialog = await app.openAddDialog();
    await app.checkName(dialog, 'Exchange Server', 'Exchange Servers');
    await expect(resolvedObject(dialog)).toContainText('CORP\\Exchange Servers');

    await expect(dialog.getByRole('heading', { name: 'Warnings' })).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    const superUserAcknowledgement = dialog.getByRole('checkbox', { name: SUPER_USER_ACKNOWLEDGEMENT });
    await expect(superUserAcknowledgement).toBeVisible();
    // The warning lists the accounts that become super users (e2e/ad seed: Exchange Servers).
    for (const member of ['EXCH01', 'EXCH02', 'svc-exchange-helper']) {
      await expect(dialog.getByText(member, { exact: false }).first()).toBeVisible();
    }
    await expect(dialog.getByRole('heading', { name: 'Errors' })).toHaveCount(0);

    const save = dialog.getByRole('button', { name: 'Save', exact: true });
    await expect(save).toBeDisabled();
    expect(await acknowledgeAll(dialog)).toBeGreaterThanOrEqual(1);
    await expect(superUserAcknowledgement).toBeChecked();
    await saveAndClose(dialog);

    const row = app.rowOf('Exchange Servers');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Exchange Server');
    await expect(app.page.getByText(/^1 entr(y|ies)/)).toBeVisible();

    await app.openView('Audit log');
    await expect(app.page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    const audit = app.page.getByRole('grid', { name: 'Audit records' });
    const addRecord = audit.getByRole('row').filter({ hasText: 'Exchange Servers' });
    await expect(addRecord.first()).toBeVisible({ timeout: 30_000 });
    await expect(addRecord.first()).toContainText('Server allowed');
    await expect(addRecord.first()).toContainText(/alice/i);
  });
});
