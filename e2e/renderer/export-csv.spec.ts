import { readFile } from 'node:fs/promises';
import { lastResultOf } from './harness/bridge.ts';
import { entryOf } from './harness/connector-service.ts';
import { parseCsv, startsFormula } from './harness/csv.ts';
import { expect, test } from './harness/fixtures.ts';

/**
 * Names a list may still hold from before the service took every name from the directory
 * (an old database, a restored backup): the export must keep them inert, not drop them.
 */
const HOSTILE_NAMES = ['=HYPERLINK("http://evil.example/","Click")', '+SUM(1,2)', '-2+3', '@cmd'];

test.describe('export CSV', () => {
  test('downloads the list with a header and one row per entry, and no cell can start a formula', async ({ app, connector, testDomain }) => {
    const accounts = [
      await entryOf(testDomain, 'svc-sp-central', 'sharepoint'),
      await entryOf(testDomain, 'svc-sp-apppool', 'sharepoint'),
      await entryOf(testDomain, 'FS01$', 'fci'),
      await entryOf(testDomain, 'FS02$', 'fci'),
    ];
    await connector.ensureEntries(accounts.map((account, index) => ({ ...account, name: HOSTILE_NAMES[index] ?? account.name })));
    const extra = await entryOf(testDomain, 'Exchange Install Domain Servers', 'exchange');
    await connector.ensureEntries([extra]);

    await app.signIn();
    await expect(app.page.getByText(/^5 entries/)).toBeVisible();
    const downloading = app.page.waitForEvent('download');
    await app.page.getByRole('toolbar', { name: 'List actions' }).getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('servers-allowed-to-utilize-the-connector.csv');
    const text = await readFile(await download.path(), 'utf8');

    const exported = lastResultOf(app.bridge, 'servers:export-csv');
    expect(exported?.ok).toBe(true);
    if (exported?.ok === true) expect(text.replace(/^\uFEFF/, '')).toBe((exported.value as { csv: string }).csv.replace(/^\uFEFF/, ''));

    const rows = parseCsv(text.replace(/^\uFEFF/, '')).filter((row) => row.some((cell) => cell !== ''));
    const [header, ...body] = rows;
    // The grid's columns (docs/console-ui.md), in the grid's order.
    expect(header).toEqual(['Account', 'Role', 'Object type', 'SID', 'Added by', 'Added on']);
    expect(body).toHaveLength(5);
    for (const row of body) expect(row).toHaveLength(header?.length ?? 0);
    const sids = body.flat();
    for (const account of [...accounts, extra]) expect(sids).toContain(account.sid);

    const formulaCells = rows.flat().filter(startsFormula);
    expect(formulaCells, 'cells a spreadsheet would evaluate').toEqual([]);
    for (const name of HOSTILE_NAMES) {
      expect(
        rows.flat().some((cell) => cell.includes(name)),
        `${name} is exported (inert), not dropped`,
      ).toBe(true);
    }
  });
});
