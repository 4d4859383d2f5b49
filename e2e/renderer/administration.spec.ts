import type { Locator, Page } from '@playwright/test';
import { checkScreenInBothThemes } from './harness/accessibility.ts';
import { DIRECTORY_TIMEOUT_MS } from './harness/console-app.ts';
import { expect, test } from './harness/fixtures.ts';

const ASSIGNMENTS = 'Role assignments';

function assignments(page: Page): Locator {
  return page.getByRole('table', { name: ASSIGNMENTS });
}

/** Type a name in the open dialog, Check Names, and wait for the resolved object. */
async function checkName(dialog: Locator, label: string, name: string, shown: string): Promise<void> {
  await dialog.getByRole('textbox', { name: label }).fill(name);
  await dialog.getByRole('button', { name: 'Check Names' }).click();
  await expect(dialog.getByRole('definition').first()).toHaveText(shown, { timeout: DIRECTORY_TIMEOUT_MS });
}

test.describe.configure({ mode: 'serial' });

test.describe('the Administration page', () => {
  test('a GlobalAdministrator adds a group through Check Names, removes it after a confirmation, and sets and clears onboarding control', async ({ app }) => {
    test.setTimeout(180_000);
    const { page } = app;
    await app.signIn('alice');
    await app.openView('Administration');
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
    await expect(assignments(page).getByRole('row').filter({ hasText: 'alice@corp.contoso.test' })).toContainText('Global Administrator');
    await checkScreenInBothThemes(page, 'administration');

    await page.getByRole('button', { name: 'Add…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an administrator' });
    await dialog.getByRole('radio', { name: 'Connector Administrator' }).check();
    await checkName(dialog, 'User or group name', 'IT Ops', 'IT Ops');
    await expect(dialog).toContainText('Security group');
    await checkScreenInBothThemes(page, 'administration-add');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(dialog).toBeHidden();
    const itOps = assignments(page).getByRole('row').filter({ hasText: 'CORP\\IT Ops' });
    await expect(itOps).toContainText('Group');
    await expect(itOps).toContainText('Connector Administrator');
    await expect(itOps).toContainText('alice@corp.contoso.test');
    await expect(page.getByRole('status').filter({ hasText: 'CORP\\IT Ops is now a Connector Administrator.' })).toBeVisible();

    await itOps.getByRole('button', { name: 'Remove CORP\\IT Ops as Connector Administrator' }).click();
    const confirmation = page.getByRole('alertdialog', { name: 'Remove CORP\\IT Ops as Connector Administrator?' });
    await expect(confirmation).toContainText('Every member of CORP\\IT Ops loses');
    await checkScreenInBothThemes(page, 'administration-remove');
    await confirmation.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(confirmation).toBeHidden();
    await expect(itOps).toHaveCount(0);

    await page.getByRole('button', { name: 'Set group…' }).click();
    const onboarding = page.getByRole('dialog', { name: 'Set the onboarding-control group' });
    await checkName(onboarding, 'Security group name', 'Domain Users', 'Domain Users');
    await onboarding.getByRole('button', { name: 'Set group', exact: true }).click();
    await expect(onboarding).toBeHidden();
    await expect(page.getByText('Only members of CORP\\Domain Users may sign in to administer the connector.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear onboarding control' }).click();
    await expect(page.getByText('Not set: every account that holds a role may sign in')).toBeVisible();
  });

  test('a ConnectorAdministrator sees the page read-only, told who can change it', async ({ app, connector }) => {
    test.setTimeout(120_000);
    await connector.grant('bob', 'ConnectorAdministrator');
    const { page } = app;
    await app.signIn('bob');
    await app.openView('Administration');
    await expect(page.getByText('Read-only')).toBeVisible();
    await expect(
      page.getByText(/Only a Global Administrator can change.*Administration page of RMS Connector Admin.*rms-connector-admin admins add/),
    ).toBeVisible();
    await expect(assignments(page)).toContainText('alice@corp.contoso.test');
    await expect(page.getByRole('button', { name: 'Add…' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0);
    await checkScreenInBothThemes(page, 'administration-read-only');
    // Another administrator's change shows as it is made, without Refresh.
    await connector.grant('fileadmin', 'ConnectorAdministrator');
    await expect(assignments(page).getByRole('row').filter({ hasText: 'fileadmin@corp.contoso.test' })).toBeVisible({ timeout: 15_000 });
  });

  test('an administrator whose GlobalAdministrator role was taken after sign-in gets the service refusal, and the page turns read-only', async ({
    app,
    connector,
  }) => {
    test.setTimeout(120_000);
    const carolSid = await connector.grant('fileadmin', 'GlobalAdministrator');
    const { page } = app;
    await app.signIn('fileadmin');
    await app.openView('Administration');
    const row = assignments(page).getByRole('row').filter({ hasText: 'bob@corp.contoso.test' });
    await expect(row).toBeVisible();
    // Another GlobalAdministrator takes the role away meanwhile; the page still shows the buttons.
    await connector.service.store.addAdministrator(
      { sid: carolSid, name: 'fileadmin@corp.contoso.test', kind: 'user', role: 'ConnectorAdministrator' },
      { actor: 'e2e', actorSid: null, source: 'test', node: 'e2e', correlationId: 'e2e-demote-1', at: new Date().toISOString() },
    );
    await connector.service.store.removeAdministrator(carolSid, 'GlobalAdministrator', {
      actor: 'e2e',
      actorSid: null,
      source: 'test',
      node: 'e2e',
      correlationId: 'e2e-demote-2',
      at: new Date().toISOString(),
    });
    await row.getByRole('button', { name: 'Remove bob@corp.contoso.test as Connector Administrator' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(page.getByText('Only a GlobalAdministrator can change this')).toBeVisible();
    await expect(page.getByText('Code: GLOBAL_ADMINISTRATOR_REQUIRED')).toBeVisible();
    await expect(page.getByText('Read-only')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add…' })).toHaveCount(0);
    await expect(row).toBeVisible();
    await checkScreenInBothThemes(page, 'administration-refused');
  });
});
