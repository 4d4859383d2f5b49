import { contextBridge, ipcRenderer } from 'electron';
import { ADMIN_EVENT_CHANNEL, ADMIN_INVOKE_CHANNEL } from './bridge-channels.ts';
import { createPreloadBridge } from './preload-bridge.ts';

/*
 * The preload: bundled to CommonJS (app/dist/preload/preload.cjs) because a sandboxed
 * preload cannot be an ES module, and kept tiny — it imports only electron and two small
 * files. It gives the page `window.adminBridge.invoke` and `subscribe` and nothing else: the
 * arguments go to main over one channel, where the sender is checked and the request parsed
 * by the contract; main's events come back on one channel, without Electron's event object.
 */
contextBridge.exposeInMainWorld(
  'adminBridge',
  createPreloadBridge(
    (channel, request) => ipcRenderer.invoke(ADMIN_INVOKE_CHANNEL, channel, request),
    (deliver) => {
      const onEvent = (_event: unknown, payload: unknown): void => {
        deliver(payload);
      };
      ipcRenderer.on(ADMIN_EVENT_CHANNEL, onEvent);
      return () => {
        ipcRenderer.removeListener(ADMIN_EVENT_CHANNEL, onEvent);
      };
    },
  ),
);
