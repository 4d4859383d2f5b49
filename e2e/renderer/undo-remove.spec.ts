import { checkScreenInBothThemes } from './harness/accessibility.ts';
import { attachBridge } from './harness/bridge.ts';
import { consoleAppOf } from './harness/console-app.ts';
import { consoleDefaultsFor } from './harness/console-defaults.ts';
import { entryOf, startConsoleTestService, type ConsoleTestService } from './harness/connector-service.ts';
import { createDriftObjects, type DriftObjects } from './harness/drift-objects.ts';
import { expect, test } from './harness/fixtures.ts';
import { startMainProcess, type MainProcess } from './harness/main-process.ts';

test.describe('remove a group, then Undo', () => {
  test('the confirmation names the group, its members and the 15-minute pickup; Undo adds it back through the audited add', async ({
    page,
    site,
    testDomain,
  }) => {
    test.setTimeout(240_000);
    let service: ConsoleTestService | undefined;
    let main: MainProcess | undefined;
    let objects: DriftObjects | undefined;
    try {
      objects = await createDriftObjects(testDomain, `u${String(process.pid % 100_000)}`);
      await objects.addUserToNested();
      service = await startConsoleTestService(testDomain);
      await service.grant('alice', 'GlobalAdministrator');
      await service.ensureEntries([await entryOf(testDomain, objects.outer.sam, 'exchange')]);
      main = startMainProcess(consoleDefaultsFor(testDomain, service.url));
      const app = consoleAppOf(page, site.url, main, await attachBridge(page, main));
      await app.signIn('alice');

      const row = app.rowOf(objects.outer.sam);
      // On the Account cell: an Exchange row's Role cell holds the Super user button.
      await row.getByRole('gridcell').first().click();
      await page.keyboard.press('Delete');
      const confirmation = page.getByRole('alertdialog', { name: `Remove CORP\\${objects.outer.sam}?` });
      await expect(confirmation).toBeVisible();
      await expect(confirmation).toContainText(`CORP\\${objects.outer.sam} is a group, allowed to use the connector as Exchange Server.`);
      await expect(confirmation).toContainText('Its members stop being super users through this entry');
      // Read by main from the directory: the computer, and the user through the nested group.
      await expect(confirmation).toContainText(
        `2 accounts in it (nested groups and primary groups included) lose the access it gives them: CORP\\${objects.computerSam}, CORP\\${objects.userSam}.`,
        { timeout: 30_000 },
      );
      await expect(confirmation).toContainText('Connectors pick up changes within about 15 minutes.');
      const removeButton = confirmation.getByRole('button', { name: 'Remove', exact: true });
      // Destructive: the theme's danger red (red above 150, green and blue below 100), not the brand blue.
      await expect(removeButton).toHaveCSS('background-color', /^rgb\((1[5-9]\d|2\d\d), \d{1,2}, \d{1,2}\)$/);
      await expect(confirmation.getByRole('button', { name: 'Cancel' }), 'Cancel has focus first').toBeFocused();
      await checkScreenInBothThemes(page, 'servers-remove-group');

      await removeButton.click();
      await expect(row).toHaveCount(0);
      const undoBar = page.getByText(`Removed CORP\\${objects.outer.sam} (Exchange Server).`).first();
      await expect(undoBar).toBeVisible();
      const undo = page.getByRole('button', { name: 'Undo', exact: true });
      await undo.focus();
      await checkScreenInBothThemes(page, 'servers-undo-remove');
      await undo.press('Enter');

      await expect(row, 'Undo adds it back').toHaveCount(1, { timeout: 30_000 });
      await expect(page.getByRole('status').filter({ hasText: `Added CORP\\${objects.outer.sam} back as Exchange Server.` })).toBeVisible();
      await expect(undo).toHaveCount(0);
      const stored = (await service.service.store.listAuthorizedAccounts()).entries.filter((entry) => entry.name.endsWith(objects?.outer.sam ?? '?'));
      expect(stored.map((entry) => entry.role)).toEqual(['exchange']);
      const audit = (await service.service.store.auditPage({ limit: 20 })).records.filter((record) => record.actor.startsWith('alice'));
      expect(audit.map((record) => record.action).slice(0, 2), 'the removal and the add back are both audited under alice').toEqual([
        'authorized-account.add',
        'authorized-account.remove',
      ]);
    } finally {
      await main?.close();
      await service?.dispose();
      await objects?.remove();
    }
  });
});
