import type { ConsoleEvent } from '../../../contract/console-events.ts';
import type { IpcResult } from '../../../contract/ipc-result.ts';
import type { LiveChangesTimings } from '../../../main/ipc/live-changes.ts';
import { withRealCore } from '../../../main/ipc/testing/real-core.ts';
import type { CaFileChooser, DemoEnvironment, FolderChooser, ListFileChooser, ProfileDefaults } from '../../../main/ipc/console-ports.ts';
import { createMemoryProfileStore } from '../../../main/ipc/memory-profile-store.ts';
import { createIpcDispatcher } from '../../../main/ipc/dispatcher.ts';
import { seededCaFiles } from '../../../main/ipc/testing/seeded-ca-files.ts';
import { HARNESS_CA_FILE_ID } from './console-defaults.ts';

/** The console's main process minus Electron: the real dispatch, and what it logged. */
export type MainProcess = {
  dispatch(channel: unknown, request: unknown): Promise<IpcResult<unknown>>;
  /** Hear what main pushes to the console (the bridge delivers it to the page); answers the unsubscribe. */
  subscribe(listener: (event: ConsoleEvent) => void): () => void;
  /** Every structured log line the main process wrote, for "no secret in the logs" checks. */
  readonly logLines: readonly Record<string, unknown>[];
  close(): Promise<void>;
};

/** How this main process differs from the usual one: a first start, and the demo it offers. */
export type MainProcessOptions = {
  /** False: behave as on a first start (nothing configured; the demo is offered first). */
  readonly configured?: boolean;
  /** The demo environment `demo:start` uses; without it the demo is not offered. */
  readonly demo?: DemoEnvironment;
  /** What stands in for the desktop's folder picker (Configure servers' Save files…); without it saving is not offered. */
  readonly chooseFolder?: FolderChooser;
  /** What stands in for the desktop's CA file picker: it answers a path the test chose, main-side. */
  readonly chooseCaFile?: CaFileChooser;
  /** What stands in for Import…'s file picker: it answers a path the test wrote, main-side. */
  readonly chooseListFile?: ListFileChooser;
  /** How often to poll while the change feed is unavailable, and the feed's backoff (the console's defaults otherwise). */
  readonly liveChanges?: LiveChangesTimings;
};

/**
 * Build the dispatcher the Electron shell builds, from the same factories.
 *
 * Only the transport and the profile store differ from the desktop app: the harness routes
 * the page's calls here and keeps the sign-in settings in memory (no vault, no "Open logs").
 */
export function startMainProcess(defaults: ProfileDefaults, options: MainProcessOptions = {}): MainProcess {
  const logLines: Record<string, unknown>[] = [];
  const dispatcher = createIpcDispatcher(
    withRealCore({
      profiles: createMemoryProfileStore(defaults, { configured: options.configured ?? true }),
      demo: options.demo,
      chooseFolder: options.chooseFolder,
      chooseCaFile: options.chooseCaFile,
      chooseListFile: options.chooseListFile,
      liveChanges: options.liveChanges,
      ...(defaults.directory.caFile === '' ? {} : { caFiles: seededCaFiles(defaults.directory.caFile, HARNESS_CA_FILE_ID) }),
      log: (line) => {
        logLines.push(line);
      },
    }),
  );
  return {
    dispatch: (channel, request) => dispatcher.dispatch(channel, request),
    subscribe: (listener) => dispatcher.subscribe(listener),
    logLines,
    close: () => dispatcher.close(),
  };
}

/** The value of a successful call; a failed one throws with its code and title. */
export async function dispatchOrThrow(main: MainProcess, channel: string, request: unknown): Promise<unknown> {
  const result = await main.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.title} — ${result.error.message}`);
  return result.value;
}
