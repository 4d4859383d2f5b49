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
const SHOWN_WITHIN_MS = 20_000;

test.describe('the super-user badge on Exchange rows', () => {
  test('counts the members an Exchange group makes super users, shows how each gets in, marks the non-server, and follows a membership change', async ({
    page,
    site,
    testDomain,
  }) => {
    test.setTimeout(240_000);
    let service: ConsoleTestService | undefined;
    let main: MainProcess | undefined;
    let objects: DriftObjects | undefined;
    try {
      objects = await createDriftObjects(testDomain, `b${String(process.pid % 100_000)}`);
      await objects.addUserToNested();
      service = await startConsoleTestService(testDomain, { driftIntervalSeconds: DRIFT_INTERVAL_SECONDS });
      await service.grant('alice', 'GlobalAdministrator');
      await service.ensureEntries([await entryOf(testDomain, objects.outer.sam, 'exchange'), await entryOf(testDomain, 'FS02$', 'fci')]);
      main = startMainProcess(consoleDefaultsFor(testDomain, service.url));
      const app = consoleAppOf(page, site.url, main, await attachBridge(page, main));
      await app.signIn('alice');

      // The group holds a computer directly and a user through a nested group: two super users.
      const row = app.rowOf(objects.outer.sam);
      const badge = row.getByRole('button', { name: 'Super user · 2 accounts' });
      await expect(badge, 'the count comes from the service once it has expanded the entry').toBeVisible({ timeout: SHOWN_WITHIN_MS });
      await expect(app.rowOf('FS02').getByRole('button', { name: /^Super user/ }), 'only Exchange rows carry it').toHaveCount(0);
      await checkScreenInBothThemes(page, 'servers-super-user-badge');

      // Keyboard: Tab reaches it, Enter opens the dialog.
      await badge.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: `Super users through CORP\\${objects.outer.sam}` });
      await expect(dialog).toBeVisible();
      const user = dialog.getByRole('listitem', { name: `CORP\\${objects.userSam}` });
      await expect(user).toContainText('Not a server');
      await expect(user.getByRole('list', { name: `How CORP\\${objects.userSam} gets in` })).toHaveText(
        `CORP\\${objects.outer.sam} › CORP\\${objects.nested.sam} › CORP\\${objects.userSam}`,
      );
      const computer = dialog.getByRole('listitem', { name: `CORP\\${objects.computerSam}` });
      await expect(computer).not.toContainText('Not a server');
      await expect(computer).toContainText(`CORP\\${objects.outer.sam} › CORP\\${objects.computerSam}`);
      await expect(dialog).toContainText('1 is not an Exchange server');
      await checkScreenInBothThemes(page, 'servers-super-user-dialog');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(badge, 'focus returns to the badge').toBeFocused();

      // An AD admin takes the user out of the nested group: the count follows with no click.
      await objects.removeUserFromNested();
      await expect(row.getByRole('button', { name: 'Super user · 1 account' })).toBeVisible({ timeout: SHOWN_WITHIN_MS });
    } finally {
      await main?.close();
      await service?.dispose();
      await objects?.remove();
    }
  });
});
