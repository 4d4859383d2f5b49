import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startHttpsConnector, type LoopbackServer } from '../../core/health/testing/loopback-servers.ts';
import { createCertificateAuthority, issueServerCertificate } from '../../core/tls/issue-certificates.ts';
import { CA_FILE_REFUSED_MESSAGE } from '../../core/tls/read-ca-file.ts';
import { expectNoAxeViolations } from './harness/accessibility.ts';
import { consoleDefaultsFor } from './harness/console-defaults.ts';
import { test as base, expect } from './harness/fixtures.ts';
import { startMainProcess } from './harness/main-process.ts';
import { saveScreen } from './harness/screenshots.ts';

/**
 * The usual fixtures, with a main process whose CA file picker answers the paths this test
 * queued in `caFilePicks` (what the desktop's open-file dialog does in the app; an empty
 * queue is the admin closing it). The path stays in the test's Node process, main-side.
 */
const test = base.extend<{ caFilePicks: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  caFilePicks: async ({}, use) => {
    await use([]);
  },
  main: async ({ testDomain, connector, caFilePicks }, use) => {
    const main = startMainProcess(consoleDefaultsFor(testDomain, connector.url), { chooseCaFile: () => Promise.resolve(caFilePicks.shift()) });
    await use(main);
    await main.close();
  },
});

/** A health run touches DNS, TLS and the service; on a shared machine give it its time. */
const HEALTH_TIMEOUT_MS = 90_000;

/** The check row showing `code` (each row ends with "Code: <code>"), inside the status group named `group`. */
function rowOf(page: Page, group: RegExp, code: string) {
  return page.getByRole('region', { name: group }).getByText(`Code: ${code}`, { exact: true });
}

test.describe('deployment health', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('checks the harness connector service and copies the report as text', async ({ app, connector }) => {
    const { page } = app;
    await app.signIn();
    await app.openView('Deployment health');
    await expect(page.getByRole('heading', { level: 1, name: 'Deployment health' })).toBeVisible();

    await page.getByRole('textbox', { name: /Connector URL/ }).fill(connector.url);
    await page.getByRole('button', { name: 'Run checks' }).click();
    await expect(page.getByRole('button', { name: 'Run again' })).toBeVisible({ timeout: HEALTH_TIMEOUT_MS });

    // One registered node heartbeating (RMSCON01): a warning, not a failure; plain http warns;
    // this spec's fresh service has an empty list, which fails (event 2003).
    await expect(rowOf(page, /^Failed/, 'LIST_NOT_EMPTY')).toBeVisible();
    await expect(rowOf(page, /^Warnings/, 'NODES_AT_LEAST_TWO')).toBeVisible();
    await expect(rowOf(page, /^Warnings/, 'HTTP_PLAINTEXT')).toBeVisible();
    await expect(rowOf(page, /^Passed/, 'VERIFICATION_PAGE_URL')).toBeVisible();
    await expect(rowOf(page, /^Passed/, 'NODE_HEARTBEAT_RECENT')).toBeVisible();
    await expect(rowOf(page, /^Not run/, 'TLS_CERT_NAME')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Affinity (persistence): None.' })).toBeVisible();

    await page.getByRole('button', { name: 'Copy as text' }).click();
    await expect(page.getByText('Copied the report to the clipboard.')).toBeVisible();
    const copied = String(await page.evaluate('navigator.clipboard.readText()'));
    expect(copied).toContain(`Deployment health of ${connector.url}`);
    expect(copied).toContain('[WARN] NODES_AT_LEAST_TWO');
    expect(copied).toContain('[PASS] VERIFICATION_PAGE_URL');
    expect(copied).toContain('[FAIL] LIST_NOT_EMPTY');
    expect(copied).toMatch(/Result: FAIL - \d+ passed, \d+ warning\(s\), 1 failed/);
  });

  test.describe('over HTTPS', () => {
    let folder: string;
    let server: LoopbackServer;
    let caFile: string;

    test.beforeAll(async () => {
      folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-e2e-health-'));
      const ca = await createCertificateAuthority({ commonName: 'Contoso E2E Root CA' });
      const certificate = await issueServerCertificate(ca, { commonName: '127.0.0.1', ipAddresses: ['127.0.0.1'] });
      caFile = path.join(folder, 'contoso-root.cer');
      await writeFile(caFile, ca.certPem);
      server = await startHttpsConnector({ ...certificate, tenantUrl: 'https://0a1b2c3d-0000-4000-8000-000000000001.rms.na.aadrm.com' });
    });
    test.afterAll(async () => {
      await server.close();
      await rm(folder, { recursive: true, force: true });
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`shows the certificate and TLS checks passing with the admin's CA, and passes axe (${colorScheme})`, async ({ app, page, caFilePicks }) => {
        await page.emulateMedia({ colorScheme });
        await app.signIn();
        await app.openView('Deployment health');
        await expectNoAxeViolations(page, `deployment health, empty (${colorScheme})`);

        await page.getByRole('textbox', { name: /Connector URL/ }).fill(`https://127.0.0.1:${String(server.port)}`);
        const caGroup = page.getByRole('group', { name: 'CA certificate file (optional)' });
        caFilePicks.push(caFile);
        await caGroup.getByRole('button', { name: 'Choose…' }).click();
        await expect(caGroup.getByText(/^contoso-root\.cer \(CN=Contoso E2E Root CA, valid until [A-Z][a-z]{2} \d{1,2}, \d{4}\)$/)).toBeVisible();
        await page.getByRole('button', { name: 'Run checks' }).click();
        await expect(page.getByRole('button', { name: 'Run again' })).toBeVisible({ timeout: HEALTH_TIMEOUT_MS });

        for (const code of ['TLS_CERT_NAME', 'TLS_CERT_CHAIN', 'TLS_CERT_VALIDITY', 'TLS_PROTOCOL_MODERN', 'VERIFICATION_PAGE_URL'])
          await expect(rowOf(page, /^Passed/, code)).toBeVisible();
        await expect(
          page
            .getByRole('region', { name: /^Passed/ })
            .getByText('Status: Passed')
            .first(),
        ).toBeVisible();
        await expectNoAxeViolations(page, `deployment health, results (${colorScheme})`);
        await saveScreen(page, 'deployment-health');
      });
    }
  });

  test('refuses a device chosen as the CA file with the one message, and clears a chosen file', async ({ app, page, caFilePicks }) => {
    await app.signIn();
    await app.openView('Deployment health');
    const caGroup = page.getByRole('group', { name: 'CA certificate file (optional)' });
    caFilePicks.push('/dev/zero');
    await caGroup.getByRole('button', { name: 'Choose…' }).click();
    await expect(caGroup.getByText('The CA file cannot be used')).toBeVisible();
    await expect(caGroup.getByText(CA_FILE_REFUSED_MESSAGE)).toBeVisible();
    await expect(page.getByText('/dev/zero')).toHaveCount(0);
    await expect(caGroup.getByText('None chosen.')).toBeVisible();

    const folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-e2e-ca-'));
    await writeFile(path.join(folder, 'contoso-root.cer'), (await createCertificateAuthority({ commonName: 'Contoso E2E Root CA' })).certPem);
    caFilePicks.push(path.join(folder, 'contoso-root.cer'));
    await caGroup.getByRole('button', { name: 'Choose…' }).click();
    await expect(caGroup.getByText(/^contoso-root\.cer \(/)).toBeVisible();
    await caGroup.getByRole('button', { name: 'Clear' }).click();
    await expect(caGroup.getByText('None chosen.')).toBeVisible();
    await rm(folder, { recursive: true, force: true });
  });
});
