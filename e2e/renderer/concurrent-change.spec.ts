import { attachBridge } from './harness/bridge.ts';
import { consoleAppOf, DIRECTORY_TIMEOUT_MS } from './harness/console-app.ts';
import { entryOf } from './harness/connector-service.ts';
import { acknowledgeAll } from './harness/findings.ts';
import { expect, test } from './harness/fixtures.ts';
import { addThroughApi } from './harness/other-client.ts';

test.describe('a change made by another client meanwhile', () => {
  // With live changes the console hears of the other change and checks again before Save
  // (live-changes.spec.ts). This is the case where it has not heard yet when Save is pressed
  // (the push still on its way, or live updates unavailable between two polls): the page gets
  // none of main's pushes, so the service's conditional write is what stops the overwrite.
  test('refuses the save with the "changed by someone else" banner, and Reload shows the other change', async ({ page, site, main, connector, testDomain }) => {
    const app = consoleAppOf(page, site.url, main, await attachBridge(page, main, { deliverEvents: false }));
    await app.signIn();
    const dialog = await app.openAddDialog();
    await app.checkName(dialog, 'SharePoint Server', 'svc-sp-central');
    await acknowledgeAll(dialog);

    // Another administrator adds the App Pool account between the console's read and its save.
    const other = await entryOf(testDomain, 'svc-sp-apppool', 'sharepoint');
    await addThroughApi(connector.url, await connector.signIn('alice'), { sid: other.sid, name: other.name, role: other.role });

    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    const banner = app.page.getByText(/^The list was changed by someone else/);
    await expect(banner).toBeVisible({ timeout: 30_000 });
    // The console did not overwrite: only the other client's entry is stored.
    expect((await connector.service.store.listAuthorizedAccounts()).entries.map((entry) => entry.name)).toEqual(['CORP\\svc-sp-apppool']);
    // The dialog closes itself on a refused save so the admin sees the banner and reloads
    // (clicking its Cancel while it fades out would race the close).
    await expect(dialog).toBeHidden();

    await expect(app.rowOf('svc-sp-apppool')).toHaveCount(0);
    await app.page.getByRole('button', { name: 'Reload' }).click();
    await expect(app.rowOf('svc-sp-apppool')).toHaveCount(1);
    await expect(app.rowOf('svc-sp-central')).toHaveCount(0);
    await expect(banner).toBeHidden();
  });

  test('adds none of several names checked together when the list changed before Save', async ({ page, site, main, connector, testDomain }) => {
    const app = consoleAppOf(page, site.url, main, await attachBridge(page, main, { deliverEvents: false }));
    await app.signIn();
    const dialog = await app.openAddDialog();
    await dialog.getByRole('radio', { name: 'SharePoint Server' }).check();
    await dialog.getByRole('textbox', { name: 'Object name' }).fill('alice; bob');
    await dialog.getByRole('button', { name: 'Check Names' }).click();
    const checked = dialog.getByRole('region', { name: 'Names checked' });
    await expect(checked.getByRole('listitem', { name: 'CORP\\bob' })).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    await expect(checked.getByText('Checking the grant…')).toHaveCount(0, { timeout: DIRECTORY_TIMEOUT_MS });
    await acknowledgeAll(dialog);

    const other = await entryOf(testDomain, 'svc-sp-central', 'sharepoint');
    await addThroughApi(connector.url, await connector.signIn('alice'), { sid: other.sid, name: other.name, role: other.role });

    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(app.page.getByText(/^The list was changed by someone else/)).toBeVisible({ timeout: 30_000 });
    // The two names are one change, refused as a whole: neither alice nor bob was stored.
    const stored = (await connector.service.store.listAuthorizedAccounts()).entries.map((entry) => entry.name);
    expect(stored.filter((name) => ['CORP\\alice', 'CORP\\bob', 'CORP\\svc-sp-central'].includes(name))).toEqual(['CORP\\svc-sp-central']);
  });
});
