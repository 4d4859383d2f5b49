import type { AdminBridge } from '../contract/index.ts';

declare global {
  // Declaration merging with the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Set by the Electron preload, or by the browser harness (e2e, `npm run preview`). */
    readonly adminBridge?: AdminBridge;
  }
}
