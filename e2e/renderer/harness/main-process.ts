import type { ConsoleDefaults } from '../../../main/contract/console-session.ts';
import type { IpcResult } from '../../../main/contract/ipc-result.ts';
import { createConsoleDependencies } from '../../../main/ipc/console-dependencies.ts';
import { createIpcDispatcher } from '../../../main/ipc/dispatcher.ts';

/** The console's main process minus Electron: the real dispatch, and what it logged. */
export type MainProcess = {
  dispatch(channel: unknown, request: unknown): Promise<IpcResult<unknown>>;
  /** Every structured log line the main process wrote, for "no secret in the logs" checks. */
  readonly logLines: readonly Record<string, unknown>[];
  close(): Promise<void>;
};

/**
 * Build the dispatcher the Electron shell builds, from the same factories.
 *
 * Only the transport differs from the desktop app: the harness routes the page's calls here.
 */
export function startMainProcess(defaults: ConsoleDefaults): MainProcess {
  const logLines: Record<string, unknown>[] = [];
  const dispatcher = createIpcDispatcher(
    createConsoleDependencies({
      defaults,
      log: (line) => {
        logLines.push(line);
      },
    }),
  );
  return {
    dispatch: (channel, request) => dispatcher.dispatch(channel, request),
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
