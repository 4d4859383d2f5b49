import { expect, type Page } from '@playwright/test';
import type { IpcError } from '../../../contract/ipc-result.ts';

/** Stack frames as V8 prints them, or a source position of our code. */
const STACK_LIKE = /(^|\n)\s*at\s+\S+.*\(|\bat\s+(async\s+)?\S+\s+\(|[\w/.-]+\.(ts|tsx|js|mjs):\d+/;

/**
 * Expect the sign-in screen to show `error` as the docs promise: in the region "Sign-in
 * problem", its title and its message, with no stack trace and not as a bare code.
 */
export async function expectSignInProblem(page: Page, error: IpcError): Promise<void> {
  const region = page.getByRole('region', { name: 'Sign-in problem' });
  await expect(region).toBeVisible();
  await expect(region).toContainText(error.title);
  await expect(region).toContainText(error.message);
  const shown = await region.innerText();
  expect(shown, 'no stack trace or source position').not.toMatch(STACK_LIKE);
  expect(shown.trim(), 'more than the bare code').not.toBe(error.code);
  expect(error.title.trim(), 'a title in words, not the code').not.toBe(error.code);
  expect(error.message.trim().length, 'a message saying what to do').toBeGreaterThan(20);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the connector configuration' })).toBeVisible();
}
