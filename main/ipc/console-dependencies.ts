import type { ConsoleDefaults } from '../contract/console-session.ts';
import { createConnectorClient, type ConnectorClient, type ConnectorClientOptions } from '../core/connector/index.ts';
import { connectDirectory, type ConnectOptions, type Directory } from '../core/directory/index.ts';

/**
 * Everything the console's main side needs from outside: the two core entry points, the
 * sign-in screen's defaults, the service CA and a log sink.
 *
 * Passed in rather than imported so unit tests hand over small fakes of the directory and
 * the service client, while the Electron shell and the browser harness pass the real ones
 * ({@link createConsoleDependencies}). `now` decides when a session has expired.
 */
export type ConsoleDependencies = {
  readonly defaults: ConsoleDefaults;
  readonly connectDirectory: (options: ConnectOptions) => Promise<Directory>;
  readonly createConnectorClient: (options: ConnectorClientOptions) => ConnectorClient;
  /** A PEM file of an extra CA to trust for the connector configuration service. */
  readonly serviceCaFile?: string;
  /** One structured line per call (channel, duration, outcome); never a request payload or a secret. */
  readonly log?: (line: Record<string, unknown>) => void;
  readonly now?: () => Date;
};

/**
 * The settings the shell (or the browser harness) reads before the console starts.
 *
 * Plain data, so the shell can build them from its settings file and safe storage.
 */
export type ConsoleSettings = {
  readonly defaults: ConsoleDefaults;
  readonly serviceCaFile?: string | undefined;
  readonly log?: ((line: Record<string, unknown>) => void) | undefined;
};

/**
 * Wire the real directory and service client to the console's settings.
 *
 * Electron-free on purpose: the Electron shell and the browser test harness both call it,
 * and only the shell adds Electron around the dispatcher it feeds.
 */
export function createConsoleDependencies(settings: ConsoleSettings): ConsoleDependencies {
  return {
    defaults: settings.defaults,
    connectDirectory,
    createConnectorClient,
    ...(settings.serviceCaFile === undefined ? {} : { serviceCaFile: settings.serviceCaFile }),
    ...(settings.log === undefined ? {} : { log: settings.log }),
  };
}
