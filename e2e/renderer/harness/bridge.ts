import type { Page } from '@playwright/test';
import type { IpcResult } from '../../../contract/ipc-result.ts';
import type { MainProcess } from './main-process.ts';

/** The name of the binding the init script calls (never used by the renderer itself). */
export const BRIDGE_BINDING = '__adminBridgeInvoke';

/**
 * What the Electron preload exposes, as page source: `window.adminBridge.invoke`, frozen and
 * read-only, in the top frame only (a preload does not run in sub-frames).
 */
const BRIDGE_INIT_SCRIPT = `(() => {
  if (window.top !== window) return;
  const binding = '${BRIDGE_BINDING}';
  Object.defineProperty(window, 'adminBridge', {
    value: Object.freeze({ invoke: (channel, request) => window[binding](channel, request) }),
    writable: false,
    configurable: false,
    enumerable: false,
  });
})();`;

/** One call the page made and what the main process answered. */
export type BridgeCall = { readonly channel: string; readonly result: IpcResult<unknown> };

/**
 * What crossed the bridge: the calls answered (to compare the page with what main said)
 * and the channels refused (to check that nothing from a foreign frame reached main).
 */
export type BridgeRecord = { readonly calls: BridgeCall[]; readonly refused: string[] };

/**
 * Stand in for Electron IPC: route the page's `window.adminBridge.invoke` to `main`.
 *
 * The check Electron's shell does on `event.senderFrame` happens here on `source.frame`:
 * a call from any frame but the page's main frame is refused before dispatch.
 */
export async function attachBridge(page: Page, main: MainProcess): Promise<BridgeRecord> {
  const record: BridgeRecord = { calls: [], refused: [] };
  await page.exposeBinding(BRIDGE_BINDING, async (source, channel: unknown, request: unknown) => {
    if (source.frame !== page.mainFrame()) {
      record.refused.push(String(channel));
      throw new Error("Refused: IPC is accepted from the console's main frame only.");
    }
    const result = await main.dispatch(channel, request);
    record.calls.push({ channel: String(channel), result });
    return result;
  });
  await page.addInitScript(BRIDGE_INIT_SCRIPT);
  return record;
}

/** The last answer main gave on `channel`, for comparing what the page shows with it. */
export function lastResultOf(record: BridgeRecord, channel: string): IpcResult<unknown> | undefined {
  return record.calls.findLast((call) => call.channel === channel)?.result;
}
