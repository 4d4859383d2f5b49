import type { Page } from '@playwright/test';
import type { ConsoleEvent } from '../../../contract/console-events.ts';
import type { IpcResult } from '../../../contract/ipc-result.ts';
import type { MainProcess } from './main-process.ts';

/** The name of the binding the init script calls (never used by the renderer itself). */
export const BRIDGE_BINDING = '__adminBridgeInvoke';
/** The binding the init script waits on for main's pushed events (a long poll: it answers the next batch). */
export const EVENTS_BINDING = '__adminBridgeNextEvents';
/** The most events held for a page that is not asking (Electron would drop them; a test should never reach it). */
const MAX_QUEUED_EVENTS = 1000;

/**
 * What the Electron preload exposes, as page source: `window.adminBridge.invoke` and
 * `subscribe`, frozen and read-only, in the top frame only (a preload does not run in
 * sub-frames). While anyone is subscribed, the page asks main for the next events in a loop;
 * a listener that throws does not keep an event from the others, as in the preload.
 */
const BRIDGE_INIT_SCRIPT = `(() => {
  if (window.top !== window) return;
  const binding = '${BRIDGE_BINDING}';
  const nextEvents = '${EVENTS_BINDING}';
  const listeners = new Set();
  let pulling = false;
  const pull = async () => {
    if (pulling) return;
    pulling = true;
    try {
      while (listeners.size > 0) {
        let batch;
        try {
          batch = await window[nextEvents]();
        } catch {
          return;
        }
        for (const event of batch) {
          for (const listener of [...listeners]) {
            try { listener(event); } catch {}
          }
        }
      }
    } finally {
      pulling = false;
    }
  };
  const subscribe = (listener) => {
    if (typeof listener !== 'function') return () => undefined;
    const entry = (event) => listener(event);
    listeners.add(entry);
    void pull();
    return () => { listeners.delete(entry); };
  };
  Object.defineProperty(window, 'adminBridge', {
    value: Object.freeze({ invoke: (channel, request) => window[binding](channel, request), subscribe }),
    writable: false,
    configurable: false,
    enumerable: false,
  });
})();`;

/** One call the page made and what the main process answered. */
export type BridgeCall = { readonly channel: string; readonly result: IpcResult<unknown> };

/**
 * What crossed the bridge: the calls answered (to compare the page with what main said),
 * the channels refused (to check that nothing from a foreign frame reached main), and the
 * events main pushed to the page.
 */
export type BridgeRecord = { readonly calls: BridgeCall[]; readonly refused: string[]; readonly events: ConsoleEvent[] };

/** How a bridge differs from Electron's: `deliverEvents: false` records main's pushes but keeps them from the page. */
export type BridgeOptions = {
  /**
   * False plays a console that has not heard of a change yet (the push still on its way, or
   * live updates unavailable between two polls), so the service's own refusal can be seen.
   */
  readonly deliverEvents?: boolean;
};

/**
 * Stand in for Electron IPC: route the page's `window.adminBridge.invoke` to `main`, and
 * main's pushed events to the page's `subscribe`.
 *
 * The check Electron's shell does on `event.senderFrame` happens here on `source.frame`:
 * a call from any frame but the page's main frame is refused before dispatch, and events go
 * to the main frame only (the shell's `WebFrameMain.send` to the top frame). Events pushed
 * while the page is not asking wait in a queue, emptied when the page navigates, as a new
 * document in Electron would not hear what was sent to the old one.
 */
export async function attachBridge(page: Page, main: MainProcess, options: BridgeOptions = {}): Promise<BridgeRecord> {
  const record: BridgeRecord = { calls: [], refused: [], events: [] };
  const deliverEvents = options.deliverEvents ?? true;
  const queue: ConsoleEvent[] = [];
  let waiting: ((batch: ConsoleEvent[]) => void) | undefined;
  const unsubscribe = main.subscribe((event) => {
    record.events.push(event);
    if (!deliverEvents) return;
    if (queue.length < MAX_QUEUED_EVENTS) queue.push(event);
    const answer = waiting;
    waiting = undefined;
    answer?.(queue.splice(0));
  });
  page.on('close', unsubscribe);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) queue.length = 0;
  });
  await page.exposeBinding(EVENTS_BINDING, (source) => {
    if (source.frame !== page.mainFrame()) {
      record.refused.push('(events)');
      throw new Error("Refused: events go to the console's main frame only.");
    }
    if (queue.length > 0) return Promise.resolve(queue.splice(0));
    return new Promise<ConsoleEvent[]>((resolve) => {
      waiting = resolve;
    });
  });
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
