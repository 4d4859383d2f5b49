import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { saveScreen } from './screenshots.ts';

/** The WCAG levels the console promises (DESIGN.md §7: zero violations). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** One line per violation and node, readable in a test failure. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
      ),
    )
    .join('\n');
}

/**
 * Run axe on the page as it is now and expect no violation.
 *
 * Fluent's focus-trap helpers (`[data-tabster-dummy]`) are excluded: invisible, focusable
 * on purpose, and not part of what a screen reader user meets.
 */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).exclude('[data-tabster-dummy]').analyze();
  const simplified = results.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
  expect(simplified, `axe violations on "${screen}":\n${describeViolations(results.violations)}`).toEqual([]);
}

/** axe on the page as it is, light then dark, with a screenshot of each; the page is left light. */
export async function checkScreenInBothThemes(page: Page, screen: string): Promise<void> {
  await expectNoAxeViolations(page, `${screen}, light`);
  await saveScreen(page, screen);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, `${screen}, dark`);
  await saveScreen(page, screen);
  await page.emulateMedia({ colorScheme: 'light' });
}
