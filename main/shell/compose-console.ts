import path from 'node:path';
import { createConnectorClient } from '../../core/connector/index.ts';
import { connectDirectory } from '../../core/directory/index.ts';
import { createDemoEnvironment } from '../demo/index.ts';
import type { CaFileChooser, FolderChooser, ListFileChooser } from '../ipc/console-ports.ts';
import { createIpcDispatcher, type IpcDispatcher } from '../ipc/dispatcher.ts';
import { createProfileFileStore } from './settings/profile-file-store.ts';
import { createSafeStorageVault, type SafeStorageLike } from './settings/safe-storage-vault.ts';

/** What the console's main side is built from: the user-data folder and a few Electron services. */
export type ConsoleComposition = {
  /** Electron's `userData` folder: the profile, the vault and the demo live here. */
  readonly userData: string;
  readonly safeStorage: SafeStorageLike;
  readonly platform: NodeJS.Platform;
  /** Opens the logs folder in the system's file manager (the `app:open-logs` channel). */
  readonly openLogsFolder: () => Promise<void>;
  /** The native folder picker, where Configure servers saves its files. */
  readonly chooseFolder?: FolderChooser | undefined;
  /** The native open-file dialog, where the sign-in form and Deployment health choose a CA file. */
  readonly chooseCaFile?: CaFileChooser | undefined;
  /** The native open-file dialog, where Import… chooses a list file. */
  readonly chooseListFile?: ListFileChooser | undefined;
  readonly log: (line: Record<string, unknown>) => void;
};

/** The composed console: the dispatcher the IPC handler feeds, and how to shut it all down. */
export type ComposedConsole = {
  readonly dispatcher: IpcDispatcher;
  /** Cancel calls, sign out, stop the demo (app quit). Never rejects. */
  close(): Promise<void>;
};

/** Files in the user-data folder, named so an admin looking there knows what each is. */
export const USER_DATA_FILES = { profile: 'console-profile.json', vault: 'remembered-password.json', demoFolder: 'demo' } as const;

/**
 * Wire the real ports into the dispatcher: core's directory and service client, settings file,
 * safeStorage vault, demo, desktop actions.
 *
 * The one composition root of the desktop app's main side (STYLE: wiring is explicit);
 * `start-shell.ts` only hands it Electron's services. Nothing starts here: the demo starts on
 * first use, the directory and the service on sign-in.
 */
export function composeConsole(composition: ConsoleComposition): ComposedConsole {
  const { userData, log } = composition;
  const demo = createDemoEnvironment({ folder: path.join(userData, USER_DATA_FILES.demoFolder), log });
  const dispatcher = createIpcDispatcher({
    profiles: createProfileFileStore(path.join(userData, USER_DATA_FILES.profile)),
    vault: createSafeStorageVault(path.join(userData, USER_DATA_FILES.vault), composition.safeStorage, composition.platform),
    demo,
    desktop: { openLogs: composition.openLogsFolder },
    chooseFolder: composition.chooseFolder,
    chooseCaFile: composition.chooseCaFile,
    chooseListFile: composition.chooseListFile,
    log,
    connectDirectory,
    createConnectorClient,
  });
  return {
    dispatcher,
    async close() {
      await dispatcher.close().catch((error: unknown) => {
        log({ event: 'shutdown-failed', part: 'dispatcher', error });
      });
      await demo.close().catch((error: unknown) => {
        log({ event: 'shutdown-failed', part: 'demo', error });
      });
    },
  };
}
