import type { AdminBridge } from '../main/contract/index.ts';

declare global {
  /** Set by the Electron preload, or by the browser harness (e2e, `npm run preview`). */
  interface Window {
    readonly adminBridge?: AdminBridge;
  }
}
