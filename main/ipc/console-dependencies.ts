import type { ConnectorClient, ConnectorClientOptions } from '../../core/connector/index.ts';
import type { Directory, DirectoryConnectOptions } from '../../core/directory/index.ts';
import type { CaFileRegistry } from './ca-file-registry.ts';
import type { LiveChangesTimings } from './live-changes.ts';
import type { CaFileChooser, ConsoleProfileStore, DemoEnvironment, DesktopActions, FolderChooser, ListFileChooser, PasswordVault } from './console-ports.ts';

/**
 * What the shell (or the browser harness) hands over before the console starts.
 *
 * Ports rather than data, so the shell can back them with its settings file, safeStorage and
 * the demo folder, and the harness with memory. A missing `vault`, `demo` or `desktop` turns
 * that feature off (the defaults say so and its channel answers `NOT_AVAILABLE`).
 */
export type ConsoleSettings = {
  readonly profiles: ConsoleProfileStore;
  readonly vault?: PasswordVault | undefined;
  readonly demo?: DemoEnvironment | undefined;
  readonly desktop?: DesktopActions | undefined;
  /** Where Configure servers saves its files; absent, `server-config:save` answers `NOT_AVAILABLE`. */
  readonly chooseFolder?: FolderChooser | undefined;
  /** The CA file picker of the sign-in form and Deployment health; absent, `ca-file:choose` answers `NOT_AVAILABLE`. */
  readonly chooseCaFile?: CaFileChooser | undefined;
  /** The list file picker of Import…; absent, `import:choose-file` answers `NOT_AVAILABLE`. */
  readonly chooseListFile?: ListFileChooser | undefined;
  /** The CA files main holds by id; the dispatcher makes its own unless a test seeds one. */
  readonly caFiles?: CaFileRegistry | undefined;
  /** A PEM file of an extra CA to trust for the connector configuration service. */
  readonly serviceCaFile?: string | undefined;
  /** How often to poll when the change feed is unavailable (30 s) and how to back off; tests shorten them. */
  readonly liveChanges?: LiveChangesTimings | undefined;
  /** One structured line per call (channel, duration, outcome); never a request payload or a secret. */
  readonly log?: ((line: Record<string, unknown>) => void) | undefined;
};

/**
 * Everything the console's main side needs from outside: the {@link ConsoleSettings} plus the
 * two core entry points and the clock.
 *
 * Passed in rather than imported so unit tests hand over small fakes of the directory and
 * the service client, while the desktop app's composition root (`main/shell/compose-console.ts`)
 * and the browser harness pass the real ones. `now` decides when a session has expired.
 */
export type ConsoleDependencies = ConsoleSettings & {
  /** Opens the directory with a password (the admin's or the bind account's) or with the current Kerberos ticket. */
  readonly connectDirectory: (options: DirectoryConnectOptions) => Promise<Directory>;
  readonly createConnectorClient: (options: ConnectorClientOptions) => ConnectorClient;
  readonly now?: (() => Date) | undefined;
};
