import type { BrowserContext, Page } from '@playwright/test';
import { attachBridge } from '../../e2e/renderer/harness/bridge.ts';
import { SERVERS_HEADING } from '../../e2e/renderer/harness/console-app.ts';
import { signInRequestFor } from '../../e2e/renderer/harness/console-defaults.ts';
import { startConsoleStack, type ConsoleStack } from '../../e2e/renderer/harness/console-stack.ts';
import { dispatchOrThrow } from '../../e2e/renderer/harness/main-process.ts';
import { loadAndSelect, PROBE_SCRIPT } from './page-probe.ts';
import { figuresOf, type LoadFigures } from './report.ts';
import { syntheticEntries } from './synthetic-entries.ts';

/** How long a page may take to show its grid and answer the keypress. */
const LOAD_TIMEOUT_MS = 120_000;

/** One side of the comparison: load its page once and resolve to the figures. */
export type Contender = { readonly name: string; load(): Promise<LoadFigures>; close(): Promise<void> };

/** A console contender also answers how long `servers:list` takes from its page, bridge included. */
export type ConsoleContender = Contender & {
  readonly stack: ConsoleStack;
  /** Milliseconds of each in-page `adminBridge.invoke('servers:list')`, one after another. */
  timeListFromPage(times: number): Promise<number[]>;
};

/**
 * The console with `entries` synthetic entries: its own service, a main process already
 * signed in as alice (a page load resumes the session through `session:current`), and a
 * page bridged to it. Each load checks the status text shows the whole list.
 */
export async function consoleContender(context: BrowserContext, entries: number): Promise<ConsoleContender> {
  const stack = await startConsoleStack();
  try {
    await stack.connector.ensureEntries(syntheticEntries(entries));
    const stored = (await stack.connector.service.store.listAuthorizedAccounts()).entries.length;
    if (stored !== entries) throw new Error(`The list holds ${String(stored)} entries, expected ${String(entries)}.`);
    await dispatchOrThrow(stack.main, 'session:sign-in', signInRequestFor(stack.defaults, 'alice'));
    const page = await context.newPage();
    await attachBridge(page, stack.main);
    await page.addInitScript(PROBE_SCRIPT);
    const status = new RegExp(`^${entries.toLocaleString('en-US').replace(',', ',?')} entr(y|ies)`);
    return {
      name: `console, ${entries.toLocaleString('en-US')} entries`,
      stack,
      async load() {
        await page.bringToFront();
        const figures = figuresOf(await loadAndSelect(page, stack.site.url, SERVERS_HEADING, LOAD_TIMEOUT_MS));
        if ((await page.getByText(status).count()) === 0) throw new Error(`The console does not show "${String(entries)} entries".`);
        return figures;
      },
      async timeListFromPage(times) {
        return page.evaluate<number[]>(`(async () => {
          const spans = [];
          for (let run = 0; run < ${String(times)}; run += 1) {
            const started = performance.now();
            const result = await window.adminBridge.invoke('servers:list', {});
            if (!result.ok || result.value.entries.length !== ${String(entries)}) throw new Error('servers:list from the page failed');
            spans.push(performance.now() - started);
          }
          return spans;
        })()`);
      },
      async close() {
        await page.close();
        await stack.close();
      },
    };
  } catch (error) {
    await stack.close();
    throw error;
  }
}

/** The anchor page (bench/console/anchor): a bare Fluent DataGrid with `rows` rows. */
export async function anchorContender(context: BrowserContext, url: string, rows: number): Promise<Contender> {
  const page: Page = await context.newPage();
  await page.addInitScript(PROBE_SCRIPT);
  return {
    name: `anchor, ${String(rows)} rows`,
    async load() {
      await page.bringToFront();
      const times = await loadAndSelect(page, url, SERVERS_HEADING, LOAD_TIMEOUT_MS);
      if (times.rowsInDomEnd !== rows + 1) throw new Error(`The anchor shows ${String(times.rowsInDomEnd - 1)} rows, expected ${String(rows)}.`);
      return figuresOf(times);
    },
    close: () => page.close(),
  };
}
