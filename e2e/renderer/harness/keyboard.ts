import type { Locator, Page } from '@playwright/test';

/** Whether the focused element is (one of) `target`. */
export async function isFocused(page: Page, target: Locator): Promise<boolean> {
  return (await target.and(page.locator(':focus')).count()) > 0;
}

/**
 * Press `key` until focus lands on `target`, as a keyboard user would; fails after `limit`
 * presses so a focus trap or an unreachable control shows up as a clear error.
 */
export async function pressUntilFocused(page: Page, target: Locator, key = 'Tab', limit = 40): Promise<number> {
  for (let presses = 0; presses <= limit; presses += 1) {
    if (await isFocused(page, target)) return presses;
    await page.keyboard.press(key);
  }
  const focused = await page
    .locator(':focus')
    .first()
    .evaluate('(element) => element.outerHTML.slice(0, 200)')
    .catch(() => 'nothing');
  throw new Error(`${String(limit)} × ${key} did not reach ${target.toString()}; focus is on ${String(focused)}`);
}

/** Count pointer presses from now on, to prove a flow used the keyboard only. */
export async function startCountingPointerPresses(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__e2ePointerPresses = 0;
    for (const type of ['pointerdown', 'mousedown', 'click']) {
      addEventListener(type, (event) => { if (event.detail > 0 || type !== 'click') window.__e2ePointerPresses += 1; }, true);
    }
  })()`);
}

/** Pointer presses since {@link startCountingPointerPresses}. */
export async function pointerPresses(page: Page): Promise<number> {
  return Number(await page.evaluate('window.__e2ePointerPresses'));
}
