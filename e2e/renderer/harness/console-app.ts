import { expect, type Locator, type Page } from '@playwright/test';
import type { BridgeRecord } from './bridge.ts';
import type { MainProcess } from './main-process.ts';
import { SEED_PASSWORD, upnOf } from './test-domain.ts';

/** Sign-in can bind to the DC twice (the console and the service): give LDAP its time. */
export const SIGN_IN_TIMEOUT_MS = 45_000;
/** Directory work (Check Names, searches, super-user expansion, review) on a shared DC. */
export const DIRECTORY_TIMEOUT_MS = 45_000;

/** The console in one page, reached by accessible names only (docs/console-ui.md). */
export type ConsoleApp = {
  readonly page: Page;
  readonly main: MainProcess;
  readonly bridge: BridgeRecord;
  /** Navigate to the built renderer and wait for the sign-in heading. */
  open(): Promise<void>;
  /** Fill user name and password and press Sign in (directory and service from the defaults). */
  submitSignIn(samAccountName: string, password?: string): Promise<void>;
  /** Open, sign in and wait for the servers list. */
  signIn(samAccountName?: string): Promise<void>;
  /** The servers grid. */
  serversGrid(): Locator;
  /** The list's row showing `account` (matched within the row's text). */
  rowOf(account: string | RegExp): Locator;
  /** The add dialog, after pressing Add…. */
  openAddDialog(): Promise<Locator>;
  /** In the add dialog: pick the role, type the name, Check Names, wait for the resolved name. */
  checkName(dialog: Locator, role: RoleLabel, name: string): Promise<void>;
  /** Switch to a view of the frame's tab list. */
  openView(
    view: 'Servers' | 'Effective super users' | 'List review' | 'Audit log' | 'Deployment health' | 'Configure servers' | 'Administration',
  ): Promise<void>;
};

/** The role radio labels of the add dialog. */
export type RoleLabel = 'Exchange Server' | 'SharePoint Server' | 'File server using FCI';

/** The servers view's heading, also the grid's name. */
export const SERVERS_HEADING = 'Servers allowed to utilize the connector';
/** The add dialog's title. */
export const ADD_DIALOG_TITLE = 'Allow a server to utilize the connector';
/** The object picker's title. */
export const PICKER_TITLE = 'Select Users, Computers, Service Accounts, or Groups';

/** Build the helpers for one page already bridged to `main`. */
export function consoleAppOf(page: Page, siteUrl: string, main: MainProcess, bridge: BridgeRecord): ConsoleApp {
  const app: ConsoleApp = {
    page,
    main,
    bridge,
    async open() {
      await page.goto(siteUrl);
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the connector configuration' })).toBeVisible();
    },
    async submitSignIn(samAccountName, password = SEED_PASSWORD) {
      await page.getByRole('textbox', { name: 'User name' }).fill(upnOf(samAccountName));
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    },
    async signIn(samAccountName = 'alice') {
      await app.open();
      await app.submitSignIn(samAccountName);
      await expect(page.getByRole('heading', { level: 1, name: SERVERS_HEADING })).toBeVisible({ timeout: SIGN_IN_TIMEOUT_MS });
      await expect(app.serversGrid()).toBeVisible();
    },
    serversGrid: () => page.getByRole('grid', { name: SERVERS_HEADING }),
    rowOf: (account) => app.serversGrid().getByRole('row').filter({ hasText: account }),
    async openAddDialog() {
      await page.getByRole('toolbar', { name: 'List actions' }).getByRole('button', { name: 'Add…' }).click();
      const dialog = page.getByRole('dialog', { name: ADD_DIALOG_TITLE });
      await expect(dialog).toBeVisible();
      return dialog;
    },
    async checkName(dialog, role, name) {
      await dialog.getByRole('radio', { name: role }).check();
      await dialog.getByRole('textbox', { name: 'Object name' }).fill(name);
      await dialog.getByRole('button', { name: 'Check Names' }).click();
      await expect(resolvedObject(dialog)).toContainText(/CORP\\/, { timeout: DIRECTORY_TIMEOUT_MS });
    },
    async openView(view) {
      await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: view, exact: true }).click();
    },
  };
  return app;
}

/** The object picker's type checkboxes, in the order the docs list them. */
export const OBJECT_TYPES = ['Users', 'Computers', 'Security groups', 'Distribution groups', 'Service accounts'] as const;

/** Which object types are ticked in the picker, by label. */
export async function tickedObjectTypes(picker: Locator): Promise<string[]> {
  const group = picker.getByRole('group', { name: 'Object types' });
  const ticked: string[] = [];
  for (const type of OBJECT_TYPES) {
    if (await group.getByRole('checkbox', { name: type, exact: true }).isChecked()) ticked.push(type);
  }
  return ticked;
}

/**
 * In the add dialog: Browse…, search by "Name starts with", pick the row showing `rowText`,
 * OK. Resolves to the types the picker had ticked when it opened.
 */
export async function pickWithObjectPicker(page: Page, dialog: Locator, search: string, rowText: string | RegExp): Promise<string[]> {
  await dialog.getByRole('button', { name: 'Browse…' }).click();
  const picker = page.getByRole('dialog', { name: PICKER_TITLE });
  await expect(picker).toBeVisible();
  const types = await tickedObjectTypes(picker);
  await picker.getByRole('textbox', { name: 'Name starts with' }).fill(search);
  await picker.getByRole('button', { name: 'Find Now' }).click();
  const results = picker.getByRole('grid', { name: 'Search results' });
  const row = results.getByRole('row').filter({ hasText: rowText });
  await expect(row.first()).toBeVisible({ timeout: DIRECTORY_TIMEOUT_MS });
  await expect(picker.getByText(/\d+ found/)).toBeVisible();
  const ok = picker.getByRole('button', { name: 'OK', exact: true });
  await expect(ok, 'OK waits for a selection').toBeDisabled();
  await row.first().click();
  await ok.click();
  await expect(picker).toBeHidden();
  return types;
}

/** The add dialog's description of the object Check Names found (`DOMAIN\name`, type, In Folder). */
export function resolvedObject(dialog: Locator): Locator {
  return dialog.getByLabel('Resolved object');
}
