import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './harness/accessibility.ts';
import { SERVERS_HEADING, SIGN_IN_TIMEOUT_MS } from './harness/console-app.ts';
import { expect, test } from './harness/fixtures.ts';
import { saveScreen } from './harness/screenshots.ts';

/** The computed `color-scheme` of the document and of the first element `selector` finds (the e2e project has no DOM types: page code as text). */
async function colorSchemes(page: Page, selector: string): Promise<unknown> {
  return page.evaluate(`(() => {
    const element = document.querySelector(${JSON.stringify(selector)});
    return [getComputedStyle(document.documentElement).colorScheme, element === null ? 'missing' : getComputedStyle(element).colorScheme];
  })()`);
}

/** The page's `getComputedStyle`, typed just enough (the e2e project has no DOM types). */
type StyleReader = { getComputedStyle(element: unknown): Record<'color' | 'colorScheme', string> };

/** One computed style property of the element `locator` finds. */
async function computed(locator: Locator, property: 'color' | 'colorScheme'): Promise<string> {
  return locator.evaluate((element, name) => (globalThis as unknown as StyleReader).getComputedStyle(element)[name], property);
}

test.describe('sign-in layout at 1280×800', () => {
  test('shows Sign in without scrolling, the directory as one line, and Change… opens its fields', async ({ app }) => {
    const { page } = app;
    await app.open();
    const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
    await expect(signIn).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate('[window.scrollY, document.documentElement.scrollHeight <= window.innerHeight]')).toEqual([0, true]);
    const directory = page.getByRole('group', { name: 'Directory' });
    await expect(directory).toContainText(/^Directoryldaps:\/\/\S+ \(LDAPS, certificate name \S+, CA file \S+\)Change…$/);
    await expect(directory.getByRole('textbox')).toHaveCount(0);
    await expectNoAxeViolations(page, 'sign-in, directory collapsed (light)');

    await directory.getByRole('button', { name: 'Change…' }).click();
    await expect(directory.getByRole('textbox', { name: 'Server URL' })).toBeFocused();
    for (const name of ['Domain', 'Expected server name', 'Bind account (optional)', 'Bind password'])
      await expect(directory.getByRole('textbox', { name, exact: name !== 'Domain' })).toBeVisible();
    await expect(directory.getByRole('button', { name: 'Change…' })).toHaveCount(0);
    await saveScreen(page, 'sign-in-directory');
    await expectNoAxeViolations(page, 'sign-in, directory open (light)');

    // An unticked option reads like a ticked one, not like a disabled one.
    const labelColour = (name: string) => computed(directory.getByText(name, { exact: true }), 'color');
    const [unticked, ticked] = [await labelColour('StartTLS'), await labelColour('LDAPS')];
    expect([unticked.startsWith('rgb'), unticked]).toEqual([true, ticked]);
  });

  test('a wrong password shows the problem at the top of the form and moves focus to it', async ({ app }) => {
    const { page } = app;
    await app.open();
    // bind.wrongpw exists for wrong-password tests (e2e/ad README): alice must not be locked out.
    await app.submitSignIn('bind.wrongpw', 'Not-The-Passw0rd!');
    const alert = page.getByRole('region', { name: 'Sign-in problem' }).getByRole('alert');
    await expect(alert).toBeFocused({ timeout: SIGN_IN_TIMEOUT_MS });
    await expect(alert).toBeInViewport();
    const alertBox = await alert.boundingBox();
    const environmentBox = await page.getByRole('combobox', { name: 'Cloud environment' }).boundingBox();
    expect((alertBox?.y ?? Infinity) < (environmentBox?.y ?? 0), 'the problem sits above the first field').toBe(true);
    await expect(page.getByRole('group', { name: 'Directory' }).getByRole('button', { name: 'Change…' })).toBeVisible();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`native controls follow the ${colorScheme} theme (color-scheme), the audit date pickers included`, async ({ app }) => {
      const { page } = app;
      await page.emulateMedia({ colorScheme });
      await app.open();
      expect(await colorSchemes(page, 'form')).toEqual([colorScheme, colorScheme]);
      await expectNoAxeViolations(page, `sign-in (${colorScheme})`);
      await app.signIn('alice');
      await expect(page.getByRole('heading', { level: 1, name: SERVERS_HEADING })).toBeVisible();
      await app.openView('Audit log');
      const from = page.getByRole('textbox', { name: 'From' });
      await expect(from).toBeVisible();
      await expect(from).toHaveAttribute('type', 'date');
      expect(await computed(from, 'colorScheme')).toBe(colorScheme);
      await saveScreen(page, 'audit-date-filters');
      // The theme follows the system live, and the colour scheme with it.
      const other = colorScheme === 'light' ? 'dark' : 'light';
      await page.emulateMedia({ colorScheme: other });
      await expect.poll(() => computed(from, 'colorScheme')).toBe(other);
    });
  }
});
