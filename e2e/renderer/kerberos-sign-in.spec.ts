import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { adLayout } from '../ad/ad-layout.ts';
import { kerberosFilesOf, kerberosRealm, kinit } from '../ad/kerberos-realm.ts';
import { expectNoAxeViolations } from './harness/accessibility.ts';
import { lastResultOf } from './harness/bridge.ts';
import { SERVERS_HEADING, SIGN_IN_TIMEOUT_MS } from './harness/console-app.ts';
import { startConsoleTestService, type ConsoleTestService } from './harness/connector-service.ts';
import { expect, test as base } from './harness/fixtures.ts';
import { saveScreen } from './harness/screenshots.ts';
import { SEED_PASSWORD } from './harness/test-domain.ts';

/** The variables MIT krb5 reads from this process (the harness's main process runs in the Playwright worker). */
const KERBEROS_VARIABLES = ['KRB5_CONFIG', 'KRB5CCNAME', 'KRB5RCACHEDIR'] as const;
const ALICE = String.raw`CORP\alice`;
/** How long the sign-in screen may take to hear whether a ticket is there (a bind to the DC). */
const PROBE_TIMEOUT_MS = 20_000;

/**
 * This file's connector node holds the keytab of HTTP/rmscon01.corp.contoso.test, so it
 * accepts Negotiate sign-in; alice is GlobalAdministrator as everywhere else.
 */
const test = base.extend<{ kerberosCache: (name: 'alice' | 'none') => void }, { kerberosService: ConsoleTestService; kerberosFolder: string }>({
  kerberosFolder: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-e2e-kerberos-'));
      await kinit(adLayout(), 'alice', SEED_PASSWORD, path.join(folder, 'alice'));
      await use(folder);
      await rm(folder, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  kerberosService: [
    async ({ testDomain }, use) => {
      const { keytab } = kerberosFilesOf(adLayout());
      const service = await startConsoleTestService(testDomain, { kerberos: { keytab, servicePrincipal: kerberosRealm.httpServicePrincipal } });
      await service.grant('alice', 'GlobalAdministrator');
      await use(service);
      await service.dispose();
    },
    { scope: 'worker' },
  ],
  connector: async ({ kerberosService }, use) => {
    await use(kerberosService);
  },
  /** Point this worker's Kerberos library at alice's credential cache, or at one that does not exist; restored after the test. */
  kerberosCache: async ({ kerberosFolder }, use) => {
    const saved = Object.fromEntries(KERBEROS_VARIABLES.map((name) => [name, process.env[name]]));
    await use((name) => {
      process.env.KRB5_CONFIG = kerberosFilesOf(adLayout()).krb5Config;
      process.env.KRB5RCACHEDIR = kerberosFolder;
      process.env.KRB5CCNAME = `FILE:${path.join(kerberosFolder, name)}`;
    });
    for (const name of KERBEROS_VARIABLES) {
      const value = saved[name];
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  },
});

/** axe on the page as it is, in the light theme and the dark one, with a screenshot of each. */
async function checkBothThemes(page: Page, screen: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `${screen}, ${colorScheme}`);
    await saveScreen(page, screen);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('Kerberos sign-in', () => {
  test('offers "Sign in as CORP\\alice" with a ticket present, the password form one click away and back', async ({ app, page, kerberosCache }) => {
    kerberosCache('alice');
    await app.open();
    const signInAsAlice = page.getByRole('button', { name: `Sign in as ${ALICE}`, exact: true });
    await expect(signInAsAlice).toBeVisible({ timeout: PROBE_TIMEOUT_MS });
    await expect(page.getByRole('textbox', { name: 'User name' })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toHaveCount(0);
    await checkBothThemes(page, 'sign-in-kerberos');

    await page.getByRole('button', { name: 'Sign in with a password' }).click();
    await expect(page.getByRole('textbox', { name: 'User name' })).toBeFocused();
    await expect(signInAsAlice).toHaveCount(0);
    await page.getByRole('button', { name: `Sign in as ${ALICE} instead`, exact: true }).click();
    await expect(signInAsAlice).toBeFocused();
  });

  test('signs in as alice with her ticket and reaches the Servers page, no password typed or kept', async ({ app, page, kerberosCache }) => {
    kerberosCache('alice');
    await app.open();
    await expect(page.getByRole('button', { name: `Sign in as ${ALICE}`, exact: true })).toBeVisible({ timeout: PROBE_TIMEOUT_MS });
    // The harness's node listens on 127.0.0.1: Kerberos needs the name its principal carries.
    await page.getByRole('button', { name: 'Advanced' }).click();
    await page.getByRole('textbox', { name: 'Service principal (optional)' }).fill(kerberosRealm.httpServicePrincipal);
    await page.getByRole('button', { name: `Sign in as ${ALICE}`, exact: true }).click();

    await expect(page.getByRole('heading', { level: 1, name: SERVERS_HEADING })).toBeVisible({ timeout: SIGN_IN_TIMEOUT_MS });
    await expect(page.getByText(/Signed in as CORP\\alice/)).toBeVisible();
    await expect(app.serversGrid()).toBeVisible();
    expect(lastResultOf(app.bridge, 'session:sign-in')).toMatchObject({ ok: true, value: { admin: { name: ALICE, roles: ['GlobalAdministrator'] } } });
    expect(JSON.stringify([app.bridge.calls, app.main.logLines])).not.toContain(SEED_PASSWORD);
  });

  test('shows the password form without a ticket, with a quiet note why Kerberos is not offered', async ({ app, page, kerberosCache }) => {
    kerberosCache('none');
    await app.open();
    await expect(page.getByText('Kerberos sign-in is not offered: No Kerberos ticket.')).toBeVisible({ timeout: PROBE_TIMEOUT_MS });
    await expect(page.getByRole('textbox', { name: 'User name' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Sign in as/ })).toHaveCount(0);
    await checkBothThemes(page, 'sign-in-no-ticket');
  });
});
