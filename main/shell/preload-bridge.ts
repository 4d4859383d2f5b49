import { BRIDGE_CHANNELS } from './bridge-channels.ts';

/** A console answer as the preload hands it on: plain data, `{ ok, value }` or `{ ok, error }`. */
type BridgeAnswer = { readonly ok: boolean };

/** What the preload exposes as `window.adminBridge` (the renderer sees it as `AdminBridge`). */
export type PreloadBridge = {
  invoke(channel: string, request: unknown): Promise<BridgeAnswer>;
  subscribe(listener: (event: unknown) => void): () => void;
};

/** Sends one call to main over the single IPC channel (ipcRenderer.invoke, in the real preload). */
export type SendToMain = (channel: string, request: unknown) => Promise<unknown>;

/**
 * Hears what main pushes on the event channel and hands on the payload alone (the real preload
 * wraps `ipcRenderer.on`, dropping Electron's event object); answers how to stop listening.
 */
export type ListenToMain = (deliver: (payload: unknown) => void) => () => void;

const known = new Set(BRIDGE_CHANNELS);

function failure(code: string, title: string, message: string): BridgeAnswer {
  return { ok: false, error: { code, source: 'console', title, message } } as BridgeAnswer;
}

/**
 * Build the bridge object the preload puts on `window.adminBridge`.
 *
 * `invoke(channel, request)`: a channel name outside the contract never reaches main
 * (`UNKNOWN_CHANNEL`); nothing of Electron (no `ipcRenderer`, no event object) is reachable
 * from what it returns, and a failed send becomes an error as data rather than a rejection,
 * like every other answer. `subscribe(listener)`: main's pushed events, payload only, one
 * Electron listener for all subscribers; a listener that throws does not stop the others.
 * Frozen, so page script cannot swap the methods.
 */
export function createPreloadBridge(send: SendToMain, listen: ListenToMain): PreloadBridge {
  const listeners = new Set<(event: unknown) => void>();
  let stopListening: (() => void) | undefined;
  const deliver = (payload: unknown): void => {
    for (const listener of [...listeners]) {
      try {
        listener(payload);
      } catch {
        // The page's own bug; the next listener still hears the event.
      }
    }
  };
  return Object.freeze({
    subscribe(listener: (event: unknown) => void): () => void {
      if (typeof listener !== 'function') return () => undefined;
      // A wrapper per subscription, so subscribing one function twice gives two independent subscriptions.
      const entry = (event: unknown): void => {
        listener(event);
      };
      listeners.add(entry);
      stopListening ??= listen(deliver);
      return () => {
        listeners.delete(entry);
        if (listeners.size === 0 && stopListening !== undefined) {
          stopListening();
          stopListening = undefined;
        }
      };
    },
    async invoke(channel: string, request: unknown): Promise<BridgeAnswer> {
      if (typeof channel !== 'string' || !known.has(channel)) {
        return failure('UNKNOWN_CHANNEL', 'Unknown request', 'The console does not offer this request. Update or restart the console.');
      }
      try {
        const answer = await send(channel, request);
        if (typeof answer === 'object' && answer !== null && 'ok' in answer) return answer as BridgeAnswer;
        return failure(
          'INTERNAL_ERROR',
          'Something went wrong in the console',
          'The console gave no answer. Restart it; if it happens again, report it with the console log.',
        );
      } catch {
        return failure(
          'INTERNAL_ERROR',
          'The console did not answer',
          'The request did not reach the console. Restart it; if it happens again, report it with the console log.',
        );
      }
    },
  });
}
