import { DIRECTORY_TIMEOUT_MS } from './harness/console-app.ts';
import { entryOf } from './harness/connector-service.ts';
import { expect, test } from './harness/fixtures.ts';

test.describe('effective super users and list review', () => {
  test.beforeEach(async ({ connector, testDomain }) => {
    await connector.ensureEntries([
      await entryOf(testDomain, 'Exchange Servers', 'exchange'),
      await entryOf(testDomain, 'svc-sp-central', 'sharepoint'),
      await entryOf(testDomain, 'FCI File Servers', 'fci'),
    ]);
  });

  test('lists the accounts the Exchange entry makes super users, with the group that grants them', async ({ app }) => {
    await app.signIn();
    await app.openView('Effective super users');
    const page = app.page;
    await expect(page.getByRole('heading', { level: 1, name: 'Effective super users' })).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Effective super users' });
    const exch01 = grid.getByRole('row').filter({ hasText: 'EXCH01' });
    // The view may expand on opening; Refresh (when it is not already running) asks again.
    const refresh = page.getByRole('button', { name: 'Refresh', exact: true });
    if (await refresh.isEnabled()) await refresh.click();
    await expect(exch01.first()).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    await expect(exch01.first()).toContainText('Exchange Servers');
    await expect(grid.getByRole('row').filter({ hasText: 'svc-exchange-helper' }).first()).toBeVisible();
    // The primary-group member only tokenGroups/primaryGroupID find (e2e/ad seed).
    await expect(grid.getByRole('row').filter({ hasText: 'EXCH03' }).first()).toBeVisible();
    await expect(grid.getByRole('row').filter({ hasText: 'svc-sp-central' })).toHaveCount(0);
  });

  test('reviews the list and shows its findings grouped by severity', async ({ app }) => {
    await app.signIn();
    await app.openView('List review');
    const page = app.page;
    await expect(page.getByRole('heading', { level: 1, name: 'List review' })).toBeVisible();
    await page.getByRole('button', { name: 'Run review' }).click();
    const headings = page.getByRole('heading', { name: /^(Errors|Warnings|Information)$/ });
    await expect(headings.first()).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    // Exchange Servers holds a user (svc-exchange-helper) and FCI File Servers a user and a
    // disabled computer: the review must say so.
    await expect(page.getByText(/svc-exchange-helper/).first()).toBeVisible();
    await expect(page.getByText(/fileadmin|FSOLD/).first()).toBeVisible();
  });
});
