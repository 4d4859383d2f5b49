import type { DemoEnvironment } from '../ipc/console-ports.ts';
import { startDemoDirectory } from './directory/index.ts';
import { createDemoEnvironmentWith } from './environment/demo-environment.ts';

/** What the demo needs from its host: where it keeps its files, and where it logs. */
export type DemoEnvironmentOptions = {
  /** The demo's own folder (its directory data, CA and the service's SQLite file live here). */
  readonly folder: string;
  /** One structured line per demo event (started, stopped, failed); never a password. */
  readonly log?: (line: Record<string, unknown>) => void;
};

/**
 * The built-in demo environment: a local Contoso directory and a connector service, on loopback.
 *
 * Nothing starts until the first `start`; the console then signs in as the demo's
 * administrator inside main. Restarting from the same folder finds the same list.
 */
export function createDemoEnvironment(options: DemoEnvironmentOptions): DemoEnvironment {
  return createDemoEnvironmentWith({ ...options, startDirectory: startDemoDirectory });
}
