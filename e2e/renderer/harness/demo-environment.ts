import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDemoEnvironment } from '../../../main/demo/index.ts';
import type { DemoEnvironment } from '../../../main/ipc/console-ports.ts';
import { EMPTY_PROFILE_DEFAULTS } from '../../../main/ipc/memory-profile-store.ts';
import { startMainProcess, type MainProcess } from './main-process.ts';

/** A main process on a first start with a real demo environment in its own temp folder. */
export type DemoMainProcess = { readonly main: MainProcess; readonly demo: DemoEnvironment; dispose(): Promise<void> };

/**
 * Start main as the desktop app does on a first start: nothing configured, the demo offered.
 *
 * The demo is the built-in one (main/demo): its own LDAPS directory seeded with the Contoso
 * scenario, and a connector service over SQLite with HTTPS from a CA of its own, all in a
 * temp folder removed afterwards. Closing main stops the demo.
 */
export async function startDemoMainProcess(): Promise<DemoMainProcess> {
  const folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-e2e-demo-'));
  const demo = createDemoEnvironment({ folder });
  // The file picker's stand-in picks the demo service's own CA, as an admin would in the
  // desktop app's open-file dialog (Deployment health checks the demo over HTTPS with it).
  const chooseCaFile = async () => (await demo.start(new AbortController().signal)).serviceCaFile;
  const main = startMainProcess(EMPTY_PROFILE_DEFAULTS, { configured: false, demo, chooseCaFile });
  return {
    main,
    demo,
    async dispose() {
      await main.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
