import { contextBridge, ipcRenderer } from 'electron';
import { ADMIN_INVOKE_CHANNEL } from './bridge-channels.ts';
import { createPreloadBridge } from './preload-bridge.ts';

/*
 * The preload: bundled to CommonJS (app/dist/preload/preload.cjs) because a sandboxed
 * preload cannot be an ES module, and kept tiny — it imports only electron and two small
 * files. It gives the page `window.adminBridge.invoke` and nothing else: the arguments go
 * to main over one channel, where the sender is checked and the request parsed by the
 * contract.
 */
contextBridge.exposeInMainWorld(
  'adminBridge',
  createPreloadBridge((channel, request) => ipcRenderer.invoke(ADMIN_INVOKE_CHANNEL, channel, request)),
);
