import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ADD_DIALOG_TITLE, PICKER_TITLE, SERVERS_HEADING } from './console-app.ts';
import { SEED_PASSWORD, upnOf } from './test-domain.ts';

const LONG_WAIT = { timeout: 60_000 };
/** A health run touches DNS, TLS and the service. */
const HEALTH_WAIT = { timeout: 90_000 };
const SIGN_IN_HEADING = 'Sign in to the connector configuration';
/** What the Configure servers screen is previewed with (the seeds' example names). */
const EXAMPLE_CONNECTOR_URL = 'https://rmsconnector.contoso.com';
const EXAMPLE_TENANT_URL = 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com';

/** The connector service the Deployment health screen checks. */
export type HealthTarget = {
  readonly url: string;
  /** Choose a CA file through the picker first (its stand-in answers the target's CA). */
  readonly chooseCa?: boolean;
};

/** Capture the viewport in light and dark as `<name>-<scheme>.png`; resolves to the files. */
async function capture(page: Page, folder: string, name: string): Promise<string[]> {
  const files: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const file = path.join(folder, `${name}-${colorScheme}.png`);
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    files.push(file);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return files;
}

async function openView(page: Page, view: string): Promise<void> {
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: view, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: view }).waitFor(LONG_WAIT);
}

async function waitForServers(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: SERVERS_HEADING }).waitFor(LONG_WAIT);
  await page.getByRole('grid', { name: SERVERS_HEADING }).waitFor(LONG_WAIT);
}

/** Add…, Exchange Server, "Exchange Servers", Check Names: the dialog with its findings. */
async function openExchangeFindings(page: Page): Promise<Locator> {
  await page.getByRole('toolbar', { name: 'List actions' }).getByRole('button', { name: 'Add…' }).click();
  const dialog = page.getByRole('dialog', { name: ADD_DIALOG_TITLE });
  await dialog.getByRole('radio', { name: 'Exchange Server' }).check();
  await dialog.getByRole('textbox', { name: 'Object name' }).fill('Exchange Servers');
  await dialog.getByRole('button', { name: 'Check Names' }).click();
  await dialog.getByRole('heading', { name: 'Warnings' }).waitFor(LONG_WAIT);
  return dialog;
}

/** Browse… from the add dialog, Find Now, capture, Cancel. */
async function captureObjectPicker(page: Page, dialog: Locator, folder: string): Promise<string[]> {
  await dialog.getByRole('button', { name: 'Browse…' }).click();
  const picker = page.getByRole('dialog', { name: PICKER_TITLE });
  await picker.getByRole('button', { name: 'Find Now' }).click();
  await picker.getByRole('grid', { name: 'Search results' }).getByRole('row').nth(1).waitFor(LONG_WAIT);
  const files = await capture(page, folder, 'object-picker');
  await picker.getByRole('button', { name: 'Cancel' }).click();
  await picker.waitFor({ state: 'hidden' });
  return files;
}

/**
 * Run the checks against `target` and wait for the results (or an error to show).
 *
 * With `chooseCa` the CA file is chosen through the picker (main's stand-in answers the
 * service's own CA), so a service with a certificate from a CA of its own, like the demo's,
 * shows its TLS checks passing.
 */
async function runHealthChecks(page: Page, target: HealthTarget): Promise<void> {
  await page.getByRole('textbox', { name: /Connector URL/ }).fill(target.url);
  if (target.chooseCa === true) {
    const caGroup = page.getByRole('group', { name: 'CA certificate file (optional)' });
    await caGroup.getByRole('button', { name: 'Choose…' }).click();
    await caGroup.getByRole('button', { name: 'Clear' }).waitFor(LONG_WAIT);
  }
  await page.getByRole('button', { name: 'Run checks' }).click();
  await page.getByRole('button', { name: 'Run again' }).or(page.getByRole('alert')).first().waitFor(HEALTH_WAIT);
}

/**
 * The screens after sign-in and the list: super users, review, audit, deployment health
 * (checking `health`) and Configure servers (previewing the seeds' example names).
 */
async function tourViews(page: Page, folder: string, health: HealthTarget): Promise<string[]> {
  const files: string[] = [];
  const grids: readonly [string, string, string][] = [
    ['Effective super users', 'super-users', 'Effective super users'],
    ['Audit log', 'audit', 'Audit records'],
  ];
  for (const [view, name, grid] of grids) {
    await openView(page, view);
    await page.getByRole('grid', { name: grid }).getByRole('row').nth(1).waitFor(LONG_WAIT);
    files.push(...(await capture(page, folder, name)));
  }
  await openView(page, 'List review');
  await page.getByRole('button', { name: 'Run review' }).click();
  await page
    .getByRole('heading', { name: /^(Errors|Warnings|Information)$/ })
    .first()
    .waitFor(LONG_WAIT);
  files.push(...(await capture(page, folder, 'review')));

  await openView(page, 'Deployment health');
  await runHealthChecks(page, health);
  files.push(...(await capture(page, folder, 'deployment-health')));

  await openView(page, 'Configure servers');
  await page.getByRole('textbox', { name: /Connector URL/ }).fill(EXAMPLE_CONNECTOR_URL);
  await page.getByRole('textbox', { name: /Tenant URL/ }).fill(EXAMPLE_TENANT_URL);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('textbox', { name: 'File contents' }).waitFor(LONG_WAIT);
  files.push(...(await capture(page, folder, 'configure-servers')));

  await openView(page, 'Servers');
  return files;
}

/**
 * Sign in as alice through the form and visit each screen, capturing it in both schemes.
 *
 * Plain Playwright (no test runner): a human looks at the result, nothing is asserted
 * beyond waiting for each screen to show. The list already holds entries (the preview adds
 * them through the service first).
 */
export async function tourConsole(page: Page, siteUrl: string, folder: string, health: HealthTarget): Promise<string[]> {
  const files: string[] = [];
  await page.goto(siteUrl);
  await page.getByRole('heading', { level: 1, name: SIGN_IN_HEADING }).waitFor();
  files.push(...(await capture(page, folder, 'sign-in')));
  await page.getByRole('textbox', { name: 'User name' }).fill(upnOf('alice'));
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(SEED_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await waitForServers(page);
  await page.getByRole('grid', { name: SERVERS_HEADING }).getByRole('row').nth(1).waitFor(LONG_WAIT);
  files.push(...(await capture(page, folder, 'servers')));

  const dialog = await openExchangeFindings(page);
  files.push(...(await capture(page, folder, 'add-dialog-findings')));
  files.push(...(await captureObjectPicker(page, dialog, folder)));
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  files.push(...(await tourViews(page, folder, health)));
  return files;
}

/**
 * The same tour over the built-in demo environment: the sign-in screen with its demo card,
 * "Try the demo environment", then Exchange Servers added through the dialog (super-user
 * warning acknowledged) so the list, super users and audit have something to show.
 *
 * Needs no domain controller, no root and no Electron: main's demo runs in this process.
 */
export async function tourDemo(page: Page, siteUrl: string, folder: string, demoService: () => Promise<HealthTarget>): Promise<string[]> {
  const files: string[] = [];
  await page.goto(siteUrl);
  await page.getByRole('region', { name: 'Demo environment' }).waitFor(LONG_WAIT);
  files.push(...(await capture(page, folder, 'sign-in')));
  await page.getByRole('button', { name: 'Try the demo environment' }).first().click();
  await waitForServers(page);
  files.push(...(await capture(page, folder, 'servers-empty')));

  const dialog = await openExchangeFindings(page);
  files.push(...(await capture(page, folder, 'add-dialog-findings')));
  files.push(...(await captureObjectPicker(page, dialog, folder)));
  const acknowledgements = dialog.getByRole('checkbox', { name: /^I understand/ });
  for (let index = 0; index < (await acknowledgements.count()); index += 1) await acknowledgements.nth(index).check();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  await page.getByRole('grid', { name: SERVERS_HEADING }).getByRole('row').filter({ hasText: 'Exchange Servers' }).first().waitFor(LONG_WAIT);
  files.push(...(await capture(page, folder, 'servers')));

  files.push(...(await tourViews(page, folder, await demoService())));
  return files;
}
