import type { DirectoryObject } from '../../../contract/directory.ts';
import type { PasswordSignInRequest } from '../../../contract/console-session.ts';
import type { IpcResult } from '../../../contract/ipc-result.ts';
import type { ConnectOptions, Directory, DirectoryConnectOptions, KerberosConnectOptions } from '../../../core/directory/index.ts';
import type { ConsoleDependencies } from '../console-dependencies.ts';
import type { CaFileChooser, ConsoleProfileStore, DemoEnvironment, DesktopActions, FolderChooser, PasswordVault, ProfileDefaults } from '../console-ports.ts';
import type { LiveChangesTimings } from '../live-changes.ts';
import { createMemoryProfileStore } from '../memory-profile-store.ts';
import { createIpcDispatcher, type IpcDispatcher } from '../dispatcher.ts';
import { createFakeConnector, FAKE_PASSWORD, type FakeConnector } from './fake-connector.ts';
import { createFakeDirectory, type FakeDirectory } from './fake-directory.ts';

/** Defaults as the shell would read them (unit tests only). */
export const TEST_DEFAULTS: ProfileDefaults = {
  environment: 'AzureCloud',
  serviceUrls: { AzureCloud: 'https://connector.contoso.test', AzureChinaCloud: '', AzureUSGovernment: '', AzureUSGovernment2: '', AzureUSGovernment3: '' },
  username: 'alice@corp.contoso.test',
  directory: { mode: 'server', domain: '', serverUrl: 'ldaps://dc1.corp.contoso.test', transport: 'ldaps', caFile: '', serverName: '', bindUser: '' },
};

/** A valid sign-in request against the fakes. */
export function signInRequest(overrides: Partial<PasswordSignInRequest> = {}): PasswordSignInRequest {
  return {
    environment: 'AzureCloud',
    serviceUrl: 'https://connector.contoso.test',
    username: 'alice@corp.contoso.test',
    password: FAKE_PASSWORD,
    directory: { mode: 'server', serverUrl: 'ldaps://dc1.corp.contoso.test', transport: 'ldaps' },
    operationId: crypto.randomUUID(),
    ...overrides,
  };
}

/** A dispatcher over fakes, and everything a test may look at afterwards. */
export type TestConsole = {
  readonly dispatcher: IpcDispatcher;
  readonly connector: FakeConnector;
  readonly directories: FakeDirectory[];
  /** Every directory connect with a password (the admin's or the bind account's), in order. */
  readonly connectOptions: ConnectOptions[];
  /** Every directory connect with the current Kerberos ticket, in order. */
  readonly kerberosConnectOptions: KerberosConnectOptions[];
  readonly lines: Record<string, unknown>[];
  signIn(overrides?: Partial<PasswordSignInRequest>): Promise<IpcResult<unknown>>;
};

/**
 * Build a dispatcher over a fake service and fake directories (one per connect).
 *
 * `connect` replaces how a directory is opened (a failure, a slow connect).
 */
export type TestConsoleOptions = {
  objects?: readonly DirectoryObject[];
  members?: ReadonlyMap<string, readonly DirectoryObject[]>;
  now?: () => Date;
  connect?: (options: DirectoryConnectOptions) => Promise<Directory>;
  /** The principal a directory opened with a ticket names (default alice@CORP.CONTOSO.TEST). */
  kerberosPrincipal?: string;
  profiles?: ConsoleProfileStore;
  vault?: PasswordVault;
  demo?: DemoEnvironment;
  desktop?: DesktopActions;
  chooseFolder?: FolderChooser;
  chooseCaFile?: CaFileChooser;
  liveChanges?: LiveChangesTimings;
};

export function createTestConsole(options: TestConsoleOptions = {}): TestConsole {
  const connector = createFakeConnector();
  const directories: FakeDirectory[] = [];
  const connectOptions: ConnectOptions[] = [];
  const kerberosConnectOptions: KerberosConnectOptions[] = [];
  const lines: Record<string, unknown>[] = [];
  const dependencies: ConsoleDependencies = {
    profiles: options.profiles ?? createMemoryProfileStore(TEST_DEFAULTS),
    vault: options.vault,
    demo: options.demo,
    desktop: options.desktop,
    chooseFolder: options.chooseFolder,
    chooseCaFile: options.chooseCaFile,
    liveChanges: options.liveChanges,
    connectDirectory(connect) {
      if (connect.kerberos === true) kerberosConnectOptions.push(connect);
      else connectOptions.push(connect);
      if (options.connect) return options.connect(connect);
      const principal = connect.kerberos === true ? (options.kerberosPrincipal ?? 'alice@CORP.CONTOSO.TEST') : undefined;
      const directory = createFakeDirectory(options.objects ?? [], options.members, { kerberosPrincipal: principal });
      directories.push(directory);
      return Promise.resolve(directory);
    },
    createConnectorClient: (clientOptions) => connector.createClient(clientOptions),
    log: (line) => lines.push(line),
    ...(options.now ? { now: options.now } : {}),
  };
  const dispatcher = createIpcDispatcher(dependencies);
  return {
    dispatcher,
    connector,
    directories,
    connectOptions,
    kerberosConnectOptions,
    lines,
    signIn: (overrides) => dispatcher.dispatch('session:sign-in', signInRequest(overrides)),
  };
}
