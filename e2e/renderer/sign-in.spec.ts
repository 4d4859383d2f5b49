import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { lastResultOf } from './harness/bridge.ts';
import { SERVERS_HEADING, SIGN_IN_TIMEOUT_MS } from './harness/console-app.ts';
import { expect, test } from './harness/fixtures.ts';
import { expectSignInProblem } from './harness/sign-in-problem.ts';
import { SEED_PASSWORD } from './harness/test-domain.ts';

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}

type FailureCase = {
  readonly label: string;
  readonly account: string;
  readonly password: string;
  readonly sources: readonly string[];
  readonly before?: (page: Page) => Promise<void>;
};

const failures: readonly FailureCase[] = [
  // bind.wrongpw exists for wrong-password tests (e2e/ad README): alice must not be locked out.
  { label: 'a wrong password', account: 'bind.wrongpw', password: 'Not-The-Passw0rd!', sources: ['directory', 'service'] },
  { label: 'an account without an administrator role (bob)', account: 'bob', password: SEED_PASSWORD, sources: ['service'] },
  {
    label: 'an unreachable service URL typed under Advanced',
    account: 'alice',
    password: SEED_PASSWORD,
    sources: ['service'],
    before: async (page) => {
      await page.getByRole('button', { name: 'Advanced' }).click();
      await page.getByRole('textbox', { name: 'Service URL' }).fill(`http://127.0.0.1:${String(await closedPort())}/`);
    },
  },
  {
    label: 'a directory certificate that does not carry the expected server name',
    account: 'alice',
    password: SEED_PASSWORD,
    sources: ['directory'],
    before: async (page) => {
      await page.getByRole('group', { name: 'Directory' }).getByRole('button', { name: 'Change…' }).click();
      await page.getByRole('textbox', { name: 'Expected server name' }).fill('wrong-name.corp.contoso.test');
    },
  },
];

test.describe('sign-in', () => {
  test('signs in as alice and shows the servers list with the views and who is signed in', async ({ app }) => {
    await app.open();
    await app.submitSignIn('alice');
    await expect(app.page.getByRole('heading', { level: 1, name: SERVERS_HEADING })).toBeVisible({ timeout: SIGN_IN_TIMEOUT_MS });
    const views = app.page.getByRole('tablist', { name: 'Views' });
    await expect(views.getByRole('tab')).toHaveCount(7);
    for (const view of ['Servers', 'Effective super users', 'List review', 'Audit log', 'Deployment health', 'Configure servers', 'Administration'])
      await expect(views.getByRole('tab', { name: view, exact: true })).toBeVisible();
    await expect(views.getByRole('tab', { name: 'Servers', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(app.page.getByText(/Signed in as/)).toBeVisible();
    await expect(app.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(app.serversGrid()).toBeVisible();
    const signIn = lastResultOf(app.bridge, 'session:sign-in');
    expect(signIn?.ok).toBe(true);
    expect(JSON.stringify(signIn), 'no secret comes back to the renderer').not.toContain(SEED_PASSWORD);
    expect(JSON.stringify(app.main.logLines), 'no secret in the main process log').not.toContain(SEED_PASSWORD);
  });

  for (const failure of failures) {
    test(`shows ${failure.label} as a title and a message`, async ({ app }) => {
      await app.open();
      await failure.before?.(app.page);
      await app.submitSignIn(failure.account, failure.password);
      await expect(app.page.getByRole('region', { name: 'Sign-in problem' })).toBeVisible({ timeout: SIGN_IN_TIMEOUT_MS });
      const result = lastResultOf(app.bridge, 'session:sign-in');
      if (result === undefined || result.ok) throw new Error(`Expected a refused sign-in, main answered ${JSON.stringify(result)}`);
      expect(failure.sources).toContain(result.error.source);
      await expectSignInProblem(app.page, result.error);
      expect(JSON.stringify(app.main.logLines), 'no password in the main process log').not.toContain(failure.password);
    });
  }
});
