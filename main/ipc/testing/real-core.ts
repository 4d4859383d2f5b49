import { createConnectorClient } from '../../../core/connector/index.ts';
import { connectDirectory } from '../../../core/directory/index.ts';
import type { ConsoleDependencies, ConsoleSettings } from '../console-dependencies.ts';

/**
 * Console dependencies over the real directory layer and service client, for tests and the
 * browser harness.
 *
 * The desktop app wires the same two functions in its composition root
 * (`main/shell/compose-console.ts`); integration tests and the Chromium harness use this so
 * they run exactly that code against the Samba DC and a real node.
 */
export function withRealCore(settings: ConsoleSettings): ConsoleDependencies {
  return { ...settings, connectDirectory, createConnectorClient };
}
