import type { Page } from '@playwright/test';

/** What the probe recorded in one page load, in ms since navigation start (`performance.now()`). */
export type ProbeTimes = {
  /** The first grid row with a cell appeared. */
  readonly rowsAt: number;
  /** ArrowDown reached the page. */
  readonly keyAt: number;
  /** Another row became `aria-selected="true"` after the ArrowDown. */
  readonly selectedAt: number;
  /** Rows in the grid when the first appeared, and at the end (virtualization shows here). */
  readonly rowsInDomFirst: number;
  readonly rowsInDomEnd: number;
};

/**
 * Page source installed before any of the page's scripts: a MutationObserver that stamps
 * when the grid first shows a data row (one without column headers), and when the selection moves after the first ArrowDown.
 *
 * Stamps are taken in the page (`performance.now()` counts from navigation start), so
 * Playwright's own round trips do not blur the figures; only the click and keypress are sent
 * from outside, the same way for the console and the anchor.
 */
export const PROBE_SCRIPT = `(() => {
  const state = { rowsAt: null, keyAt: null, selectedAt: null, before: null, rowsInDomFirst: 0, rowsInDomEnd: 0 };
  Object.defineProperty(window, '__consoleBench', { value: state });
  const dataRow = '[role="grid"] [role="row"]:not(:has([role="columnheader"]))';
  const rowCount = () => document.querySelectorAll('[role="grid"] [role="row"]').length;
  const selectedText = () => document.querySelector('[role="grid"] [role="row"][aria-selected="true"]')?.textContent ?? null;
  addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && state.keyAt === null) {
      state.keyAt = performance.now();
      state.before = selectedText();
    }
  }, true);
  const observer = new MutationObserver(() => {
    if (state.rowsAt === null && document.querySelector(dataRow + ' [role="gridcell"]')) {
      state.rowsAt = performance.now();
      state.rowsInDomFirst = rowCount();
    }
    if (state.keyAt !== null && state.selectedAt === null) {
      const selected = selectedText();
      if (selected !== null && selected !== state.before) {
        state.selectedAt = performance.now();
        state.rowsInDomEnd = rowCount();
        observer.disconnect();
      }
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-selected'] });
})();`;

/**
 * Load `url`, click the first data row of grid `gridName` (it takes focus and selection),
 * wait until it is selected, press ArrowDown and wait until the selection moved.
 *
 * Resolves to the probe's stamps; throws if the grid never answers (a count that is wrong).
 */
export async function loadAndSelect(page: Page, url: string, gridName: string, timeoutMs: number): Promise<ProbeTimes> {
  await page.goto(url, { waitUntil: 'commit' });
  const grid = page.getByRole('grid', { name: gridName });
  const firstRow = grid
    .getByRole('row')
    .filter({ hasNot: page.getByRole('columnheader') })
    .first();
  await firstRow.click({ timeout: timeoutMs });
  await page.waitForFunction(`document.querySelector('[role="grid"] [role="row"][aria-selected="true"]') !== null`, undefined, {
    polling: 'raf',
    timeout: timeoutMs,
  });
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction('window.__consoleBench.selectedAt !== null', undefined, { polling: 'raf', timeout: timeoutMs });
  const times = await page.evaluate<ProbeTimes>('({ ...window.__consoleBench })');
  return { rowsAt: times.rowsAt, keyAt: times.keyAt, selectedAt: times.selectedAt, rowsInDomFirst: times.rowsInDomFirst, rowsInDomEnd: times.rowsInDomEnd };
}
