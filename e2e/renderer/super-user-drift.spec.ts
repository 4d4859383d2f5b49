import type { Locator, Page } from '@playwright/test';
import { checkScreenInBothThemes } from './harness/accessibility.ts';
import { attachBridge } from './harness/bridge.ts';
import { consoleAppOf } from './harness/console-app.ts';
import { consoleDefaultsFor } from './harness/console-defaults.ts';
import { entryOf, startConsoleTestService, type ConsoleTestService } from './harness/connector-service.ts';
import { createDriftObjects, type DriftObjects } from './harness/drift-objects.ts';
import { expect, test } from './harness/fixtures.ts';
import { startMainProcess, type MainProcess } from './harness/main-process.ts';

/** The node expands the Exchange entries every second, so a membership change shows within a few. */
const DRIFT_INTERVAL_SECONDS = 1;
const SHOWN_WITHIN_MS = 15_000;

function changes(page: Page): Locator {
  return page.getByRole('region', { name: 'Changes since last review' });
}

/** "Mark as reviewed" and its confirmation, which counts the changes it acknowledges. */
async function markReviewed(page: Page, expectedCount: RegExp): Promise<void> {
  await changes(page).getByRole('button', { name: 'Mark as reviewed' }).click();
  const confirmation = page.getByRole('alertdialog', { name: 'Mark the super users as reviewed?' });
  await expect(confirmation).toContainText(expectedCount);
  await confirmation.getByRole('button', { name: 'Mark as reviewed' }).click();
  await expect(confirmation).toBeHidden();
}

test.describe('super-user drift on the Effective super users page', () => {
  test('a user added to a nested group of an authorized Exchange group shows highlighted with its path, is reviewed, and its removal shows as left', async ({
    page,
    site,
    testDomain,
  }) => {
    test.setTimeout(240_000);
    let service: ConsoleTestService | undefined;
    let main: MainProcess | undefined;
    let objects: DriftObjects | undefined;
    try {
      objects = await createDriftObjects(testDomain, String(process.pid % 100_000));
      service = await startConsoleTestService(testDomain, { driftIntervalSeconds: DRIFT_INTERVAL_SECONDS });
      await service.grant('alice', 'GlobalAdministrator');
      await service.ensureEntries([await entryOf(testDomain, objects.outer.sam, 'exchange')]);
      main = startMainProcess(consoleDefaultsFor(testDomain, service.url));
      const app = consoleAppOf(page, site.url, main, await attachBridge(page, main));
      await app.signIn('alice');
      await app.openView('Effective super users');

      // The node expanded the new entry: its computer joined. Mark that as reviewed: nothing left to review.
      const section = changes(page);
      const computer = section.getByRole('listitem', { name: `Joined: CORP\\${objects.computerSam}` });
      await expect(computer).toBeVisible({ timeout: SHOWN_WITHIN_MS });
      await expect(computer).not.toContainText('Not a server');
      await expect(section).toContainText('Never reviewed');
      await markReviewed(page, /You acknowledge 1 change since the last review/);
      await expect(section.getByRole('status')).toHaveText(/^No changes since the last review\./);
      await expect(section).toContainText(/Last reviewed .+ by alice@corp\.contoso\.test/);
      await checkScreenInBothThemes(page, 'super-users-reviewed');

      // An AD admin adds a user to the nested group: the page shows it, with no click.
      await objects.addUserToNested();
      const user = section.getByRole('listitem', { name: `Joined: CORP\\${objects.userSam}` });
      await expect(user, 'the join shows within a few seconds, highlighted').toBeVisible({ timeout: SHOWN_WITHIN_MS });
      await expect(user).toContainText('New super user');
      await expect(user).toContainText('Not a server');
      await expect(user).toContainText(/Joined .+ on RMSCON01/);
      await expect(user.getByRole('list', { name: `Path of CORP\\${objects.userSam}` })).toHaveText(
        `CORP\\${objects.outer.sam} › CORP\\${objects.nested.sam} › CORP\\${objects.userSam}`,
      );
      const grid = page.getByRole('grid', { name: 'Effective super users' });
      await expect(grid.getByRole('row').filter({ hasText: objects.userSam }), 'the list of all super users marks it too').toContainText('New since review', {
        timeout: SHOWN_WITHIN_MS,
      });
      await checkScreenInBothThemes(page, 'super-users-drift');

      // Reviewed: the section empties.
      await markReviewed(page, /You acknowledge 1 change since the last review/);
      await expect(user).toHaveCount(0);
      await expect(section.getByRole('status')).toHaveText(/^No changes since the last review\./);

      // The user leaves the nested group: "left" shows.
      await objects.removeUserFromNested();
      const left = section.getByRole('listitem', { name: `Left: CORP\\${objects.userSam}` });
      await expect(left, 'the removal shows within a few seconds').toBeVisible({ timeout: SHOWN_WITHIN_MS });
      await expect(left).toContainText('No longer a super user');
      await checkScreenInBothThemes(page, 'super-users-left');
    } finally {
      await main?.close();
      await service?.dispose();
      await objects?.remove();
    }
  });
});
