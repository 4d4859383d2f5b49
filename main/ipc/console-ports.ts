import type { CloudEnvironment } from '../../contract/environments.ts';
import type { ConsoleDefaults, DirectorySettings } from '../../contract/console-session.ts';

/**
 * Directory settings as main holds them: the renderer's, with the CA file as main's own path.
 *
 * `caFile` is a path main itself chose (the file picker, the profile file, the demo); the
 * renderer's `caFileId` never reaches here unresolved.
 */
export type MainDirectorySettings = Omit<DirectorySettings, 'caFileId'> & { readonly caFile?: string | undefined };

/**
 * The connection an admin signed in with, as the console remembers it between runs.
 *
 * Never a password: the directory's bind password and the admin's password are kept out
 * on purpose (a remembered password lives only in the {@link PasswordVault}).
 */
export type RememberedConnection = {
  readonly environment: CloudEnvironment;
  readonly serviceUrl: string;
  readonly username: string;
  readonly directory: Omit<MainDirectorySettings, 'bindPassword'>;
};

/**
 * Where the sign-in screen's settings live between runs.
 *
 * The Electron shell keeps them in a file in the user-data folder; the browser harness and
 * unit tests keep them in memory.
 */
export type ConsoleProfileStore = {
  /** The sign-in screen's starting point, without the flags the dispatcher adds (vault, demo, logs). */
  load(): Promise<StoredDefaults>;
  /** After a successful sign-in (never a demo one): remember the connection for next time. */
  remember(connection: RememberedConnection): Promise<void>;
};

/**
 * The part of the sign-in screen's defaults a profile store keeps (the rest are flags main adds).
 *
 * The CA file is a path here (main's own file, `''` for none); the renderer gets it as an id.
 */
export type ProfileDefaults = Pick<ConsoleDefaults, 'environment' | 'serviceUrls' | 'username'> & {
  readonly directory: Omit<ConsoleDefaults['directory'], 'caFile'> & { readonly caFile: string };
};

/** What a profile store answers: the defaults, and whether anything was ever configured. */
export type StoredDefaults = {
  readonly defaults: ProfileDefaults;
  /** False on a first start: the sign-in screen then suggests the demo environment. */
  readonly configured: boolean;
};

/** Whether the platform can keep a password protected, and if not, why (shown next to the option). */
export type VaultStatus = { readonly available: true } | { readonly available: false; readonly reason: string };

/**
 * A remembered password for one account, protected by the operating system.
 *
 * The shell's vault encrypts with Electron's safeStorage and refuses when the platform would
 * fall back to a hard-coded key (Linux without a secret service): remembering then fails
 * with a message saying so, rather than storing something readable.
 */
export type PasswordVault = {
  status(): Promise<VaultStatus>;
  /** The account whose password is remembered, if any. */
  rememberedAccount(): Promise<string | undefined>;
  store(account: string, password: string): Promise<void>;
  /** The password remembered for `account`, or undefined (another account, none, or unreadable). */
  recall(account: string): Promise<string | undefined>;
  /** Forget the remembered password; true when there was one. */
  forget(): Promise<boolean>;
};

/**
 * Everything signing in to the demo needs, as main alone knows it (passwords included).
 *
 * Never sent to the renderer: the dispatcher signs in with it and answers the session summary.
 */
export type DemoSignIn = {
  readonly environment: CloudEnvironment;
  readonly serviceUrl: string;
  /** A PEM file of the CA the demo service's certificate chains to, when it speaks HTTPS. */
  readonly serviceCaFile?: string | undefined;
  readonly username: string;
  readonly password: string;
  readonly directory: MainDirectorySettings;
};

/** The built-in demo environment (main/demo), started on first use and kept until the app quits. */
export type DemoEnvironment = {
  start(signal: AbortSignal): Promise<DemoSignIn>;
  close(): Promise<void>;
};

/** What only the desktop app can do; absent in the browser harness (the channel then says so). */
export type DesktopActions = {
  /** Open the folder holding the console's log files in the system's file manager. */
  openLogs(): Promise<void>;
};

/** What the folder picker is asked: its title and the label of its confirm button. */
export type FolderRequest = { readonly title: string; readonly buttonLabel: string };

/**
 * Ask the admin for a folder to save into; undefined when they close the picker.
 *
 * The desktop app shows the native folder picker (with "New folder"); the browser harness
 * answers a temporary folder. A path always comes from here, never from the renderer.
 */
export type FolderChooser = (request: FolderRequest) => Promise<string | undefined>;

/** What the file picker is asked: its title and the label of its confirm button. */
export type FileRequest = { readonly title: string; readonly buttonLabel: string };

/**
 * Ask the admin for a CA certificate file; undefined when they close the picker.
 *
 * The desktop app shows the native open-file dialog (*.cer, *.crt, *.pem); the browser
 * harness answers the file the test chose. A CA path always comes from here, never from
 * the renderer.
 */
export type CaFileChooser = (request: FileRequest) => Promise<string | undefined>;

/**
 * Ask the admin for an authorized-list file to import (JSON or CSV); undefined when they close the picker.
 *
 * The desktop app shows the native open-file dialog; the browser harness answers the file the
 * test wrote. A path always comes from here, never from the renderer.
 */
export type ListFileChooser = (request: FileRequest) => Promise<string | undefined>;
