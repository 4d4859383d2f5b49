import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './harness/accessibility.ts';
import { DIRECTORY_TIMEOUT_MS } from './harness/console-app.ts';
import { consoleDefaultsFor } from './harness/console-defaults.ts';
import { entryOf } from './harness/connector-service.ts';
import { acknowledgements, SUPER_USER_ACKNOWLEDGEMENT } from './harness/findings.ts';
import { test as base, expect } from './harness/fixtures.ts';
import { startMainProcess } from './harness/main-process.ts';
import { addThroughApi } from './harness/other-client.ts';
import { saveScreen } from './harness/screenshots.ts';

const DIALOG_TITLE = 'Import the list from a file';

/** What the stand-in for the desktop's file picker answers: the file this test wrote last. */
type ListFilePicker = { folder: string; next: string | undefined; write(name: string, text: string): Promise<void> };

/**
 * The usual fixtures, with a main process whose list-file picker answers the file the test
 * wrote (what the desktop's native open-file dialog does in the app).
 */
const test = base.extend<{ picker: ListFilePicker }>({
  // Playwright requires the first fixture argument to be an object pattern.
  // eslint-disable-next-line no-empty-pattern
  picker: async ({}, use) => {
    const folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-e2e-import-'));
    const picker: ListFilePicker = {
      folder,
      next: undefined,
      async write(name, text) {
        picker.next = path.join(folder, name);
        await writeFile(picker.next, text);
      },
    };
    await use(picker);
    await rm(folder, { recursive: true, force: true });
  },
  main: async ({ testDomain, connector, picker }, use) => {
    const main = startMainProcess(consoleDefaultsFor(testDomain, connector.url), { chooseListFile: () => Promise.resolve(picker.next) });
    await use(main);
    await main.close();
  },
});

/** Press Import… on the Servers toolbar and wait for the dialog. */
async function openImport(page: Page): Promise<Locator> {
  await page.getByRole('toolbar', { name: 'List actions' }).getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: DIALOG_TITLE });
  await expect(dialog).toBeVisible();
  return dialog;
}

const storedKeys = async (connector: { service: { store: { listAuthorizedAccounts(): Promise<{ entries: { name: string; role: string }[] }> } } }) =>
  (await connector.service.store.listAuthorizedAccounts()).entries.map((entry) => `${entry.name} ${entry.role}`).sort();

test.describe.configure({ mode: 'serial' });

test.describe('import a list from a file', () => {
  test('previews what the file adds, removes and keeps with findings, then applies it after the acknowledgements', async ({
    app,
    page,
    connector,
    testDomain,
    picker,
  }) => {
    const fs01 = await entryOf(testDomain, 'FS01$', 'fci');
    const central = await entryOf(testDomain, 'svc-sp-central', 'sharepoint');
    const exchange = await entryOf(testDomain, 'Exchange Servers', 'exchange');
    await connector.ensureEntries([fs01, central]);
    const file = [exchange, fs01].map(({ sid, name, role }) => ({ sid, name, role }));
    await picker.write('servers.json', JSON.stringify(file, null, 2));

    await app.signIn();
    const dialog = await openImport(page);
    await expect(dialog.getByText('servers.json: 1 to add, 1 to remove, 1 unchanged.', { exact: false })).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    const added = dialog.getByRole('region', { name: 'To add (1)' });
    const removed = dialog.getByRole('region', { name: 'To remove (1)' });
    const unchanged = dialog.getByRole('region', { name: 'Unchanged (1)' });
    const exchangeEntry = added.getByRole('group', { name: 'CORP\\Exchange Servers as Exchange Server' });
    await expect(exchangeEntry.getByRole('checkbox', { name: SUPER_USER_ACKNOWLEDGEMENT })).toBeVisible();
    await expect(removed.getByRole('group', { name: 'CORP\\svc-sp-central as SharePoint Server' })).toContainText('can no longer use the connector');
    await expect(unchanged.getByRole('group', { name: 'CORP\\FS01$ as File server using FCI' })).toBeVisible();

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `import preview (${colorScheme})`);
      await saveScreen(page, 'import-preview');
    }
    await page.emulateMedia({ colorScheme: 'light' });

    const apply = dialog.getByRole('button', { name: 'Apply', exact: true });
    const boxes = acknowledgements(exchangeEntry);
    const count = await boxes.count();
    expect(count).toBeGreaterThan(0);
    for (let index = 0; index < count; index += 1) {
      await expect(apply, 'Apply stays disabled while a warning is unacknowledged').toBeDisabled();
      await boxes.nth(index).check();
    }
    await apply.click();
    await expect(dialog.getByText('Imported servers.json')).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    await expect(dialog.getByText(/1 added, 1 removed, as one change/)).toBeVisible();
    expect(await storedKeys(connector)).toEqual(['CORP\\Exchange Servers exchange', 'CORP\\FS01$ fci']);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(app.rowOf('Exchange Servers')).toHaveCount(1);
    await expect(app.rowOf('svc-sp-central')).toHaveCount(0);
  });

  test('shows the lines of a malformed file and changes nothing', async ({ app, page, connector, picker }) => {
    const before = await connector.service.store.listAuthorizedAccounts();
    await picker.write('broken.csv', 'Account,Role,SID\r\nCORP\\FS01$,fci,S-1-5-21-1-2-3-4\r\nCORP\\x,Printer,S-1-5-21-1-2-3-5\r\nCORP\\y,fci,not-a-sid\r\n');

    await app.signIn();
    const dialog = await openImport(page);
    await expect(dialog.getByText('broken.csv cannot be imported')).toBeVisible();
    const problems = dialog.getByRole('list', { name: 'Problems in the file' }).getByRole('listitem');
    await expect(problems).toHaveText([/^Line 3, entry 2, role: "Printer" is not a role/, /^Line 4, entry 3, sid: A SID looks like/]);
    await expect(dialog.getByRole('button', { name: 'Apply', exact: true })).toHaveCount(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `import refused file (${colorScheme})`);
      await saveScreen(page, 'import-refused-file');
    }
    expect((await connector.service.store.listAuthorizedAccounts()).version).toBe(before.version);
  });

  test('refuses the apply when another admin changed the list after the preview, and nothing of the file is applied', async ({
    app,
    page,
    connector,
    testDomain,
    picker,
  }) => {
    const before = await storedKeys(connector);
    const central = await entryOf(testDomain, 'svc-sp-central', 'sharepoint');
    const fs01 = await entryOf(testDomain, 'FS01$', 'fci');
    await picker.write(
      'central.json',
      JSON.stringify([
        { sid: central.sid, name: central.name, role: 'sharepoint' },
        { sid: fs01.sid, name: fs01.name, role: 'fci' },
      ]),
    );

    await app.signIn();
    const dialog = await openImport(page);
    const apply = dialog.getByRole('button', { name: 'Apply', exact: true });
    await expect(dialog.getByRole('region', { name: 'To add (1)' })).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    const boxes = acknowledgements(dialog);
    for (let index = 0; index < (await boxes.count()); index += 1) await boxes.nth(index).check();
    await expect(apply).toBeEnabled();

    const other = await entryOf(testDomain, 'FS02$', 'fci');
    await addThroughApi(connector.url, await connector.signIn('alice'), { sid: other.sid, name: other.name, role: other.role });
    await apply.click();
    await expect(dialog.getByText('The list was changed by someone else').first()).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
    await expect(dialog.getByRole('button', { name: 'Preview again' })).toBeVisible();
    expect(await storedKeys(connector)).toEqual([...before, 'CORP\\FS02$ fci'].sort());
  });
});
