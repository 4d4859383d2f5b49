import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './harness/accessibility.ts';
import { entryOf } from './harness/connector-service.ts';
import { parseCsv, startsFormula } from './harness/csv.ts';
import { expect, test } from './harness/fixtures.ts';
import { addThroughApi } from './harness/other-client.ts';
import { saveScreen } from './harness/screenshots.ts';
import { upnOf } from './harness/test-domain.ts';

/** A name an old list may still hold: its audit record must export inert, not dropped. */
const HOSTILE_NAME = '=HYPERLINK("http://evil.example/","Click")';

test.describe('audit log: live filter and export', () => {
  test('narrows the records as the admin types and exports what is shown as CSV, formulas inert', async ({ app, page, connector, testDomain }) => {
    const central = await entryOf(testDomain, 'svc-sp-central', 'sharepoint');
    const apppool = await entryOf(testDomain, 'svc-sp-apppool', 'sharepoint');
    const token = await connector.signIn('alice');
    await addThroughApi(connector.url, token, { sid: central.sid, name: central.name, role: 'sharepoint' });
    await addThroughApi(connector.url, token, { sid: apppool.sid, name: apppool.name, role: 'sharepoint' });
    const fs01 = await entryOf(testDomain, 'FS01$', 'fci');
    await connector.ensureEntries([{ ...fs01, name: HOSTILE_NAME }]);

    await app.signIn();
    await app.openView('Audit log');
    const grid = page.getByRole('grid', { name: 'Audit records' });
    const bodyRows = grid.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
    await expect(bodyRows.filter({ hasText: 'svc-sp-apppool' })).toHaveCount(1, { timeout: 30_000 });
    const total = await bodyRows.count();
    expect(total).toBeGreaterThanOrEqual(3);

    await page.getByRole('textbox', { name: 'Filter records' }).fill('SVC-SP-CENTRAL');
    await expect(bodyRows).toHaveCount(1);
    await expect(bodyRows.first()).toContainText('Server allowed');
    await expect(page.getByText(new RegExp(`^1 of ${String(total)} records`))).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `audit log, filtered (${colorScheme})`);
      await saveScreen(page, 'audit-log-filtered');
    }
    await page.emulateMedia({ colorScheme: 'light' });

    const filtered = await exportCsv(page);
    expect(filtered.header).toEqual(['When (UTC)', 'Who', 'Action', 'Target', 'Node']);
    expect(filtered.rows).toHaveLength(1);
    expect(filtered.rows[0]?.slice(1, 3)).toEqual([upnOf('alice'), 'Server allowed']);
    expect(filtered.rows[0]?.[3]).toContain('svc-sp-central');
    expect(Number.isNaN(Date.parse(filtered.rows[0]?.[0] ?? ''))).toBe(false);

    await page.getByRole('textbox', { name: 'Filter records' }).fill('');
    await expect(bodyRows).toHaveCount(total);
    const everything = await exportCsv(page);
    expect(everything.rows).toHaveLength(total);
    expect(everything.rows.flat().filter(startsFormula), 'cells a spreadsheet would evaluate').toEqual([]);
    expect(everything.rows.some((row) => row[3]?.includes(HOSTILE_NAME))).toBe(true);
  });
});

/** Press Export…, wait for the download, and read it as a spreadsheet would. */
async function exportCsv(page: Page): Promise<{ header: string[] | undefined; rows: string[][] }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('audit-log.csv');
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const [header, ...rows] = parseCsv(text).filter((row) => row.some((cell) => cell !== ''));
  return { header, rows };
}
