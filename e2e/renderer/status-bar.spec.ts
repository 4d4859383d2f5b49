import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './harness/accessibility.ts';
import { SERVERS_HEADING } from './harness/console-app.ts';
import { entryOf } from './harness/connector-service.ts';
import { expect, test } from './harness/fixtures.ts';
import { saveScreen } from './harness/screenshots.ts';

/** How soon the status bar must follow a change made elsewhere (the live feed, issue 16). */
const LIVE_WITHIN_MS = 5_000;

function connectionItem(page: Page, label: string): Locator {
  return page
    .getByRole('contentinfo', { name: 'Status bar' })
    .getByRole('list', { name: 'Connection' })
    .getByRole('listitem', { name: new RegExp(`^${label}: `) });
}

test.describe('status bar', () => {
  test('names the service, node, domain controller, account, list version and last read, and follows a change', async ({ app, connector, testDomain }) => {
    const { page } = app;
    const before = await connector.ensureEntries([await entryOf(testDomain, 'svc-sp-central', 'sharepoint')]);
    await app.signIn('alice');
    await expect(page.getByRole('heading', { level: 1, name: SERVERS_HEADING })).toBeVisible();

    await expect(connectionItem(page, 'Service')).toHaveAccessibleName(`Service: ${connector.url}`);
    await expect(connectionItem(page, 'Node')).toHaveAccessibleName('Node: RMSCON01', { timeout: LIVE_WITHIN_MS });
    await expect(connectionItem(page, 'Domain controller')).toHaveAccessibleName(/^Domain controller: [\w.-]+$/);
    await expect(connectionItem(page, 'Domain controller')).not.toHaveAccessibleName(/not known/);
    await expect(connectionItem(page, 'Account')).toHaveAccessibleName('Account: CORP\\alice (Global Administrator)');
    await expect(connectionItem(page, 'List version')).toHaveAccessibleName(`List version: ${String(before)}`);
    const lastRead = connectionItem(page, 'Last read');
    await expect(lastRead).toHaveAccessibleName(/^Last read: (now|\d+ seconds? ago) \(.+\)$/);
    const readTime = lastRead.locator('time');
    const firstRead = await readTime.getAttribute('datetime');
    const inSystemFormat = await page.evaluate(
      `new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(${JSON.stringify(firstRead)}))`,
    );
    expect(await readTime.getAttribute('title'), 'the absolute time on hover, in the system format').toBe(inSystemFormat);
    await saveScreen(page, 'status-bar');
    await expectNoAxeViolations(page, 'servers with the status bar (light)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, 'servers with the status bar (dark)');
    await page.emulateMedia({ colorScheme: 'light' });

    const after = await connector.ensureEntries([await entryOf(testDomain, 'FCI File Servers', 'fci')]);
    expect(after).toBeGreaterThan(before);
    await expect(connectionItem(page, 'List version')).toHaveAccessibleName(`List version: ${String(after)}`, { timeout: LIVE_WITHIN_MS });
    await expect(readTime).not.toHaveAttribute('datetime', firstRead ?? '');
  });
});
