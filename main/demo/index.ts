import type { DemoEnvironment } from '../ipc/console-ports.ts';
import { startDemoDirectory } from './directory/index.ts';
import { createDemoEnvironmentWith, type DemoEnvironmentDependencies } from './environment/demo-environment.ts';

/**
 * What the demo needs from its host: where it keeps its files, and where it logs.
 *
 * The environment's dependencies without the directory starter, which is always the built-in one here.
 */
export type DemoEnvironmentOptions = Omit<DemoEnvironmentDependencies, 'startDirectory'>;

/**
 * The built-in demo environment: a local Contoso directory and a connector service, on loopback.
 *
 * Nothing starts until the first `start`; the console then signs in as the demo's
 * administrator inside main. Restarting from the same folder finds the same list.
 */
export function createDemoEnvironment(options: DemoEnvironmentOptions): DemoEnvironment {
  return createDemoEnvironmentWith({ ...options, startDirectory: startDemoDirectory });
}
