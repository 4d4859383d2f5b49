import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './harness/accessibility.ts';
import { attachBridge } from './harness/bridge.ts';
import { VIEWPORT } from './harness/chromium.ts';
import { consoleAppOf, resolvedObject, type ConsoleApp } from './harness/console-app.ts';
import { consoleDefaultsFor } from './harness/console-defaults.ts';
import { expect, test } from './harness/fixtures.ts';
import { acknowledgeAll, saveAndClose } from './harness/findings.ts';
import { startMainProcess, type MainProcess } from './harness/main-process.ts';
import { startSharedDatabaseNodes, type SharedDatabaseNodes } from './harness/shared-database-nodes.ts';

/** How soon another console must show a change (issue 16): no click, no Refresh. */
const LIVE_WITHIN_MS = 2_000;
/** Who made a change, as the service's audit names a signed-in admin (the UPN they signed in with). */
const ALICE = String.raw`alice@corp\.contoso\.test`;
const BOB = String.raw`bob@corp\.contoso\.test`;
/** The notice ends with the change's local time, hours and minutes. */
const TIME = String.raw`\d{1,2}:\d{2}(?:\s[AP]M)?`;

function statusBar(page: Page): Locator {
  return page.getByRole('contentinfo', { name: 'Status bar' });
}

function latestChange(page: Page): Locator {
  return page.getByRole('status', { name: 'Latest change' });
}

/** axe on the page as it is, in the light theme and again in the dark one. */
async function expectAccessibleInBothThemes(page: Page, screen: string): Promise<void> {
  await expectNoAxeViolations(page, `${screen}, light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, `${screen}, dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Remove `account` through the console's grid and its confirmation. */
async function removeThroughConsole(app: ConsoleApp, account: string): Promise<void> {
  const row = app.rowOf(account);
  // On the Account cell: an Exchange row's Role cell holds the Super user button.
  await row.getByRole('gridcell').first().click();
  await app.page.getByRole('toolbar', { name: 'List actions' }).getByRole('button', { name: 'Remove' }).click();
  const confirmation = app.page.getByRole('alertdialog', { name: new RegExp(`^Remove .*${account.replace('$', '\\$')}\\?$`) });
  await confirmation.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(confirmation).toBeHidden();
  await expect(row).toHaveCount(0);
}

test.describe('live changes between two consoles on two nodes', () => {
  test("one admin's adds and removes show in the other's console within 2 s, and its open Add dialog checks again", async ({
    browser,
    page,
    site,
    testDomain,
  }) => {
    test.setTimeout(300_000);
    let nodes: SharedDatabaseNodes | undefined;
    const mains: MainProcess[] = [];
    let contextB: BrowserContext | undefined;
    try {
      nodes = await startSharedDatabaseNodes(testDomain);
      await nodes.first.grant('alice', 'GlobalAdministrator');
      await nodes.first.grant('bob', 'GlobalAdministrator');

      // Console A: alice through RMSCON01. Console B: bob through RMSCON02, in its own browser context.
      const mainA = startMainProcess(consoleDefaultsFor(testDomain, nodes.first.url));
      mains.push(mainA);
      const appA = consoleAppOf(page, site.url, mainA, await attachBridge(page, mainA));
      contextB = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce', colorScheme: 'light' });
      const pageB = await contextB.newPage();
      const mainB = startMainProcess(consoleDefaultsFor(testDomain, nodes.second.url));
      mains.push(mainB);
      const appB = consoleAppOf(pageB, site.url, mainB, await attachBridge(pageB, mainB));
      await appA.signIn('alice');
      await appB.signIn('bob');
      await expect(statusBar(pageB)).toContainText('Live');
      await expect(statusBar(pageB)).toContainText('through RMSCON02');
      await expect(statusBar(page)).toContainText('through RMSCON01');

      // A adds FS02$ as an FCI file server: B's grid shows it with no click, and says who did what where.
      const dialogA = await appA.openAddDialog();
      await appA.checkName(dialogA, 'File server using FCI', 'FS02$');
      await acknowledgeAll(dialogA);
      await saveAndClose(dialogA);
      await expect(appB.rowOf('FS02'), 'the add reaches B within 2 s').toHaveCount(1, { timeout: LIVE_WITHIN_MS });
      await expect(latestChange(pageB)).toHaveText(new RegExp(String.raw`^${ALICE} added CORP\\FS02\$ as File server using FCI, through RMSCON01, ${TIME}$`), {
        timeout: LIVE_WITHIN_MS,
      });
      await expect(appA.rowOf('FS02')).toHaveCount(1);
      await expectAccessibleInBothThemes(pageB, 'status bar with a change notice');

      // A removes it: gone from B's grid within 2 s.
      await removeThroughConsole(appA, 'FS02$');
      await expect(appB.rowOf('FS02'), 'the removal reaches B within 2 s').toHaveCount(0, { timeout: LIVE_WITHIN_MS });
      await expect(latestChange(pageB)).toHaveText(new RegExp(String.raw`^${ALICE} removed CORP\\FS02\$.*, through RMSCON01, ${TIME}$`), {
        timeout: LIVE_WITHIN_MS,
      });
      expect(appB.bridge.calls.filter((call) => call.channel === 'servers:list').length, 'B read its list once at sign-in, then once per change').toBe(3);

      // B's open Add dialog has checked svc-sp-apppool; A adds the other SharePoint account meanwhile.
      const dialogB = await appB.openAddDialog();
      await appB.checkName(dialogB, 'SharePoint Server', 'svc-sp-apppool');
      const dialogA2 = await appA.openAddDialog();
      await appA.checkName(dialogA2, 'SharePoint Server', 'svc-sp-central');
      await acknowledgeAll(dialogA2);
      await saveAndClose(dialogA2);
      const recheckNote = dialogB.getByText(/^The list changed while this dialog was open: checked again against version \d+\.$/);
      await expect(recheckNote, "B's dialog learns that the list moved").toBeVisible({ timeout: 15_000 });
      await expect(resolvedObject(dialogB)).toContainText('CORP\\svc-sp-apppool');
      await expectAccessibleInBothThemes(pageB, 'Add dialog checked again after a change');

      // Saving now succeeds: judged against the current list, so no "changed by someone else".
      await acknowledgeAll(dialogB);
      await saveAndClose(dialogB);
      await expect(pageB.getByText(/^The list was changed by someone else/)).toHaveCount(0);
      await expect(appB.rowOf('svc-sp-apppool')).toHaveCount(1);
      await expect(appB.rowOf('svc-sp-central')).toHaveCount(1);
      // And A sees B's add the same way, through the other node.
      await expect(appA.rowOf('svc-sp-apppool')).toHaveCount(1, { timeout: LIVE_WITHIN_MS });
      await expect(latestChange(page)).toHaveText(new RegExp(String.raw`^${BOB} added CORP\\svc-sp-apppool as SharePoint Server, through RMSCON02, ${TIME}$`), {
        timeout: LIVE_WITHIN_MS,
      });
      const stored = (await nodes.second.service.store.listAuthorizedAccounts()).entries.map((entry) => entry.name).sort();
      expect(stored).toEqual(['CORP\\svc-sp-apppool', 'CORP\\svc-sp-central']);
    } finally {
      await contextB?.close();
      await Promise.allSettled(mains.map((main) => main.close()));
      await nodes?.dispose();
    }
  });
});
