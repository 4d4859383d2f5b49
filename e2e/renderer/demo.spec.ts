import { expectNoAxeViolations } from './harness/accessibility.ts';
import { DIRECTORY_TIMEOUT_MS, SERVERS_HEADING, SIGN_IN_TIMEOUT_MS, resolvedObject } from './harness/console-app.ts';
import { startDemoMainProcess, type DemoMainProcess } from './harness/demo-environment.ts';
import { acknowledgeAll, saveAndClose, SUPER_USER_ACKNOWLEDGEMENT } from './harness/findings.ts';
import { expect, test as base } from './harness/fixtures.ts';
import type { MainProcess } from './harness/main-process.ts';

/** The console on a first start: nothing configured, and main holding a real demo environment. */
const test = base.extend<{ demoMain: DemoMainProcess }>({
  // eslint-disable-next-line no-empty-pattern
  demoMain: async ({}, use) => {
    const started = await startDemoMainProcess();
    await use(started);
    await started.dispose();
  },
  main: async ({ demoMain }, use) => {
    await use(demoMain.main satisfies MainProcess);
  },
});

const SIGN_IN_HEADING = 'Sign in to the connector configuration';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`the sign-in page on a first start, ${colorScheme}`, () => {
    test.use({ colorScheme });
    test('offers the demo in a card and passes axe', async ({ app }) => {
      await app.open();
      const card = app.page.getByRole('region', { name: 'Demo environment' });
      await expect(card).toBeVisible();
      await expect(card).toContainText('Nothing leaves this computer');
      await expect(card.getByRole('button', { name: 'Try the demo environment' })).toBeVisible();
      await expectNoAxeViolations(app.page, `sign-in with the demo card (${colorScheme})`);
    });
  });
}

test.describe('the demo environment', () => {
  test('signs in from the demo card, adds Exchange Servers after the super-user warning, and audits it', async ({ app, demoMain }) => {
    await app.open();
    await app.page.getByRole('button', { name: 'Try the demo environment' }).click();
    await expect(app.page.getByRole('heading', { level: 1, name: SERVERS_HEADING })).toBeVisible({ timeout: SIGN_IN_TIMEOUT_MS });
    await expect(app.page.getByRole('banner').getByText('Demo environment')).toBeVisible();
    await expect(app.page.getByRole('heading', { level: 1, name: SIGN_IN_HEADING })).toHaveCount(0);

    const dialog = await app.openAddDialog();
    await app.checkName(dialog, 'Exchange Server', 'Exchange Servers');
    await expect(resolvedObject(dialog)).toContainText('Exchange Servers');
    await expect(dialog.getByRole('heading', { name: 'Warnings' })).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    await expect(dialog.getByRole('checkbox', { name: SUPER_USER_ACKNOWLEDGEMENT })).toBeVisible();
    for (const member of ['EXCH01', 'EXCH02', 'svc-exchange-helper']) {
      await expect(dialog.getByText(member, { exact: false }).first()).toBeVisible();
    }
    expect(await acknowledgeAll(dialog)).toBeGreaterThanOrEqual(1);
    await saveAndClose(dialog);
    await expect(app.rowOf('Exchange Servers')).toHaveCount(1);

    await app.openView('Audit log');
    const audit = app.page.getByRole('grid', { name: 'Audit records' });
    const added = audit.getByRole('row').filter({ hasText: 'Exchange Servers' });
    await expect(added.first()).toBeVisible({ timeout: 30_000 });
    await expect(added.first()).toContainText('Server allowed');

    // The demo's passwords stay in main: nothing the page received carries one.
    const demoSignIn = await demoMain.demo.start(new AbortController().signal);
    expect(JSON.stringify(app.bridge.calls)).not.toContain(demoSignIn.password);
    expect(JSON.stringify(app.main.logLines)).not.toContain(demoSignIn.password);
  });
});
