import { entryOf } from './harness/connector-service.ts';
import { expect, test } from './harness/fixtures.ts';

test.describe('remove an entry', () => {
  test('asks for confirmation naming the account; Cancel keeps it, Remove removes it', async ({ app, connector, testDomain }) => {
    await connector.ensureEntries([await entryOf(testDomain, 'svc-sp-apppool', 'sharepoint'), await entryOf(testDomain, 'FS02$', 'fci')]);
    await app.signIn();
    const toolbar = app.page.getByRole('toolbar', { name: 'List actions' });
    const remove = toolbar.getByRole('button', { name: 'Remove' });
    await expect(app.page.getByText(/^2 entries/)).toBeVisible();
    await expect(remove, 'Remove waits for a selection').toBeDisabled();

    const row = app.rowOf('svc-sp-apppool');
    await row.click();
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await expect(remove).toBeEnabled();

    await remove.click();
    const confirmation = app.page.getByRole('alertdialog', { name: /^Remove .*svc-sp-apppool\?$/ });
    await expect(confirmation).toBeVisible();
    await expect(confirmation).toContainText(/SharePoint/);
    await expect(confirmation.getByRole('button', { name: 'Cancel' }), 'Cancel has focus first').toBeFocused();
    await confirmation.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirmation).toBeHidden();
    await expect(row).toHaveCount(1);
    expect((await connector.service.store.listAuthorizedAccounts()).entries).toHaveLength(2);

    await remove.click();
    await expect(confirmation).toBeVisible();
    await app.page.keyboard.press('Escape');
    await expect(confirmation, 'Escape cancels').toBeHidden();
    await expect(row).toHaveCount(1);

    await remove.click();
    await confirmation.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(confirmation).toBeHidden();
    await expect(row).toHaveCount(0);
    await expect(app.rowOf('FS02')).toHaveCount(1);
    await expect(app.page.getByText(/^1 entr(y|ies)/)).toBeVisible();
    const stored = (await connector.service.store.listAuthorizedAccounts()).entries.map((entry) => entry.name);
    expect(stored).toEqual(['CORP\\FS02$']);
  });
});
