import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planServerConfiguration, renderOutputFiles } from '../../core/server-config/index.ts';
import type { FolderRequest } from '../../main/ipc/console-ports.ts';
import { expectNoAxeViolations } from './harness/accessibility.ts';
import { consoleDefaultsFor } from './harness/console-defaults.ts';
import { test as base, expect } from './harness/fixtures.ts';
import { startMainProcess } from './harness/main-process.ts';
import { saveScreen } from './harness/screenshots.ts';

const CONNECTOR = 'https://rmsconnector.contoso.com';
const TENANT = 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com';
/** The tenant URL the harness's connector service answers on /_wmcs/GetRmsoUri.aspx. */
const SERVICE_TENANT = 'https://0a1b2c3d-0000-4000-8000-000000000001.rms.na.aadrm.com';

/**
 * The usual fixtures, with a main process whose folder picker answers this test's own empty
 * folder (what the desktop's native picker does in the app) and records each time it was asked.
 */
const test = base.extend<{ saveFolder: string; folderRequests: FolderRequest[] }>({
  // Playwright requires the first fixture argument to be an object pattern.
  // eslint-disable-next-line no-empty-pattern
  saveFolder: async ({}, use) => {
    const folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-e2e-server-config-'));
    await use(folder);
    await rm(folder, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  folderRequests: async ({}, use) => {
    await use([]);
  },
  main: async ({ testDomain, connector, saveFolder, folderRequests }, use) => {
    const main = startMainProcess(consoleDefaultsFor(testDomain, connector.url), {
      chooseFolder: (request) => {
        folderRequests.push(request);
        return Promise.resolve(saveFolder);
      },
    });
    await use(main);
    await main.close();
  },
});

test.describe('configure servers', () => {
  test('refuses a hostile URL without asking for a folder, then previews and saves every file', async ({ app, saveFolder, folderRequests }) => {
    const { page } = app;
    await app.signIn();
    await app.openView('Configure servers');
    await expect(page.getByRole('heading', { level: 1, name: 'Configure servers' })).toBeVisible();

    await page.getByRole('textbox', { name: /Connector URL/ }).fill('https://admin:Secret1@rmsconnector.contoso.com');
    await page.getByRole('textbox', { name: /Tenant URL/ }).fill(TENANT);
    await page.getByRole('button', { name: 'Save files…' }).click();
    await expect(page.getByText('The connector URL cannot be used')).toBeVisible();
    await expect(page.getByText(/user name or password/i).first()).toBeVisible();
    expect([folderRequests.length, await readdir(saveFolder)]).toEqual([0, []]);
    await expect(page.getByText('Secret1')).toHaveCount(0);

    await page.getByRole('textbox', { name: /Connector URL/ }).fill(CONNECTOR);
    await page.getByRole('button', { name: 'Preview' }).click();
    const contents = page.getByRole('textbox', { name: 'File contents' });
    await expect(contents).toBeVisible();
    await page.getByRole('combobox', { name: 'File to preview' }).selectOption('Exchange2013RedirectionConfiguration.reg');
    await expect(contents).toHaveValue(/^Windows Registry Editor Version 5\.00\n/);
    await expect(contents).toHaveValue(new RegExp(`"${TENANT.replaceAll('.', '\\.')}"="${CONNECTOR.replaceAll('.', '\\.')}"`));
    await expect(page.getByText(/never at a single connector node/)).toBeVisible();
    await expect(page.getByText(/renaming it later means reconfiguring every server/).first()).toBeVisible();

    await page.getByRole('button', { name: 'Save files…' }).click();
    await expect(page.getByText('Saved 11 files')).toBeVisible();
    const expected = planServerConfiguration({ connectorUrl: CONNECTOR, tenantUrl: TENANT, profile: 'current' });
    if (!expected.ok) throw new Error('The reference plan was refused.');
    const files = renderOutputFiles(expected.plan);
    expect((await readdir(saveFolder)).sort()).toEqual(files.map((file) => file.name).sort());
    const reg = await readFile(path.join(saveFolder, 'Exchange2013RedirectionConfiguration.reg'));
    expect([...reg.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    for (const file of files) expect((await readFile(path.join(saveFolder, file.name))).equals(file.bytes)).toBe(true);
  });

  test('reads the tenant URL from the harness connector service', async ({ app, connector }) => {
    const { page } = app;
    await app.signIn();
    await app.openView('Configure servers');
    await page.getByRole('textbox', { name: /Connector URL/ }).fill(connector.url);
    await page.getByRole('button', { name: 'Read from connector' }).click();
    await expect(page.getByRole('textbox', { name: /Tenant URL/ })).toHaveValue(SERVICE_TENANT);
    await expect(page.getByText(/\(read from the connector\)/)).toBeVisible();
    // The service speaks plain http on an IP address: both are warnings, not refusals.
    await expect(page.getByText(/plain http/).first()).toBeVisible();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`passes axe with a preview shown (${colorScheme})`, async ({ app, page }) => {
      await page.emulateMedia({ colorScheme });
      await app.signIn();
      await app.openView('Configure servers');
      await expectNoAxeViolations(page, `configure servers, empty (${colorScheme})`);
      await page.getByRole('textbox', { name: /Connector URL/ }).fill(CONNECTOR);
      await page.getByRole('textbox', { name: /Tenant URL/ }).fill(TENANT);
      await page.getByRole('button', { name: 'Preview' }).click();
      await expect(page.getByRole('textbox', { name: 'File contents' })).toBeVisible();
      await expectNoAxeViolations(page, `configure servers, preview (${colorScheme})`);
      await saveScreen(page, 'configure-servers');
    });
  }
});
