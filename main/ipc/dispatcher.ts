import type { z } from 'zod';
import { ipcContract, isIpcChannel, type IpcChannel, type IpcResponse } from '../../contract/ipc.ts';
import type { IpcError, IpcResult } from '../../contract/ipc-result.ts';
import type { ConsoleEvent } from '../../contract/console-events.ts';
import { describeChange } from '../../core/connector/change-summary.ts';
import { ConnectorError } from '../../core/connector/index.ts';
import { DirectoryError } from '../../core/directory/index.ts';
import { KerberosError } from '../../core/kerberos/index.ts';
import { untilAborted } from './abortable.ts';
import { createAddSeveralHandlers } from './add-several-handlers.ts';
import { createAdministrationHandlers } from './administration-handlers.ts';
import { createAuditHandlers } from './audit-handlers.ts';
import { createCaFileHandlers } from './ca-file-handlers.ts';
import { createImportHandlers } from './import-handlers.ts';
import { createListFileRegistry } from './list-file-registry.ts';
import { createCaFileRegistry } from './ca-file-registry.ts';
import { callLine, channelForLog, responseIssuesLine, unexpectedErrorLine } from './call-log.ts';
import type { ConsoleDependencies } from './console-dependencies.ts';
import { createConsoleEventHub } from './console-event-hub.ts';
import { CANCELLED_ERROR, ConsoleFailure } from './console-failure.ts';
import { createDirectoryHandlers } from './directory-handlers.ts';
import { createPropertiesHandlers } from './properties-handlers.ts';
import { createExplainHandlers } from './explain-handlers.ts';
import { createHealthHandlers } from './health-handlers.ts';
import { SESSION_ENDING_CODES, toIpcError } from './error-mapping.ts';
import { publicHandler, type ChannelHandler, type HandlerTable, type ParsedRequest } from './handler-types.ts';
import { createLiveChanges } from './live-changes.ts';
import { createOperationRegistry, type RunningOperation } from './operation-registry.ts';
import type { ActiveSession } from './open-session.ts';
import { describeRequestIssues } from './request-issues.ts';
import { createReviewHandlers } from './review-handlers.ts';
import { createRemovalImpactHandlers } from './removal-impact-handlers.ts';
import { createSuperUserDriftHandlers } from './super-user-drift-handlers.ts';
import { createServerConfigHandlers } from './server-config-handlers.ts';
import { createServersHandlers } from './servers-handlers.ts';
import { createSessionHandlers } from './session-handlers.ts';
import { createSessionState } from './session-state.ts';
import { createSettingsHandlers } from './settings-handlers.ts';

/**
 * The main process's one entry for the renderer: any channel, any payload, always an answer.
 *
 * Electron-free: the shell calls `dispatch` from its `ipcMain.handle` (after its sender
 * check), the browser harness from HTTP; both get errors as data and never a rejection.
 */
export type IpcDispatcher = {
  dispatch(channel: unknown, request: unknown): Promise<IpcResult<unknown>>;
  /**
   * Hear what main pushes to the console (feed state, changes, reloads); answers the unsubscribe.
   *
   * The shell sends each event to its window's top frame, the browser harness to its page.
   */
  subscribe(listener: (event: ConsoleEvent) => void): () => void;
  /** Cancel what runs, sign out, close every connection and stop the demo (app quit). */
  close(): Promise<void>;
};

const UNKNOWN_CHANNEL: IpcError = {
  code: 'UNKNOWN_CHANNEL',
  source: 'console',
  title: 'Unknown request',
  message: 'The console does not offer this request. Update or restart the console.',
};
const SHUT_DOWN: IpcError = {
  code: 'INTERNAL_ERROR',
  source: 'console',
  title: 'The console is closing',
  message: 'The console is shutting down and no longer takes requests. Start it again.',
};
const BAD_RESPONSE: IpcError = {
  code: 'INTERNAL_ERROR',
  source: 'console',
  title: 'Something went wrong in the console',
  message: 'The console produced an answer it could not vouch for and withheld it. Try again; if it happens again, report it with the console log.',
};

/**
 * Build the dispatcher over the console's dependencies.
 *
 * Each call runs the same gate: the channel must be in the contract (else `UNKNOWN_CHANNEL`,
 * with nothing parsed), the request must parse (else `INVALID_REQUEST`, the handler never
 * runs), a session must exist where one is needed (`NOT_SIGNED_IN`), and the answer must
 * match the contract before it leaves. Whatever a handler throws is mapped to an error as
 * data; a cancelled call answers `CANCELLED` at once.
 */
export function createIpcDispatcher(dependencies: ConsoleDependencies): IpcDispatcher {
  const log = dependencies.log ?? (() => undefined);
  const operations = createOperationRegistry();
  const events = createConsoleEventHub(log);
  const live = createLiveChanges({
    ...dependencies.liveChanges,
    publish: (event) => {
      events.publish(event);
    },
    describe: describeChange,
    log,
    now: dependencies.now,
  });
  // Live changes follow the feed through the current session's client, and stop with it.
  const sessions = createSessionState(dependencies, dependencies.now, {
    opened: (session) => {
      live.follow(session.client);
    },
    closed: (session) => {
      live.stop(session.client);
    },
  });
  const caFiles = dependencies.caFiles ?? createCaFileRegistry();
  const handlers: HandlerTable = {
    ...createSettingsHandlers(dependencies, caFiles),
    ...createSessionHandlers(dependencies, sessions, operations, caFiles),
    ...createServersHandlers(),
    ...createAddSeveralHandlers(),
    ...createExplainHandlers(),
    ...createDirectoryHandlers(),
    ...createPropertiesHandlers(),
    ...createReviewHandlers(),
    ...createSuperUserDriftHandlers(),
    ...createRemovalImpactHandlers(),
    ...createAuditHandlers(),
    ...createAdministrationHandlers(),
    ...createHealthHandlers({ caFiles }),
    ...createServerConfigHandlers({ chooseFolder: dependencies.chooseFolder }),
    ...createCaFileHandlers({ chooseCaFile: dependencies.chooseCaFile, caFiles }),
    ...createImportHandlers({ chooseListFile: dependencies.chooseListFile, files: createListFileRegistry() }),
    'changes:get-status': publicHandler(() => Promise.resolve(sessions.current() === undefined ? null : live.status())),
  };
  let closed = false;

  async function run<Channel extends IpcChannel>(channel: Channel, request: unknown): Promise<IpcResult<IpcResponse<Channel>>> {
    const { request: requestSchema, response: responseSchema }: { request: z.ZodType; response: z.ZodType } = ipcContract[channel];
    const handler: ChannelHandler<Channel> = handlers[channel];
    let session: ActiveSession | undefined;
    let operation: RunningOperation | undefined;
    try {
      const parsed = requestSchema.safeParse(request);
      if (!parsed.success)
        throw new ConsoleFailure({
          code: 'INVALID_REQUEST',
          source: 'console',
          title: 'The request is not valid',
          message: describeRequestIssues(parsed.error.issues),
        });
      // TypeScript sees the table's schemas as one union here; this channel's schema produced it.
      const data = parsed.data as ParsedRequest<Channel>;
      session = handler.access === 'session' ? sessions.require() : undefined;
      operation = handler.cancellable ? operations.start(operationIdOf(data)) : undefined;
      const signal = operation?.signal ?? new AbortController().signal;
      const work = handler.access === 'session' && session !== undefined ? handler.run(data, { signal, session }) : runPublic(handler, data, signal);
      const checked = responseSchema.safeParse(await untilAborted(work, signal));
      // Parsed by this channel's response schema (which also drops keys a loose schema does not name).
      if (checked.success) return { ok: true, value: checked.data as IpcResponse<Channel> };
      log(responseIssuesLine(channel, checked.error.issues));
      return { ok: false, error: BAD_RESPONSE };
    } catch (error) {
      if (operation?.signal.aborted === true) return { ok: false, error: CANCELLED_ERROR };
      if (session !== undefined && error instanceof ConnectorError && SESSION_ENDING_CODES.has(error.code)) await sessions.end(session);
      if (!(error instanceof ConsoleFailure || error instanceof DirectoryError || error instanceof ConnectorError || error instanceof KerberosError))
        log(unexpectedErrorLine(channel, error, request));
      return { ok: false, error: toIpcError(error) };
    } finally {
      operation?.finish();
    }
  }

  async function answer(channel: unknown, request: unknown): Promise<IpcResult<unknown>> {
    if (closed) return { ok: false, error: SHUT_DOWN };
    if (!isIpcChannel(channel)) return { ok: false, error: UNKNOWN_CHANNEL };
    try {
      return await run(channel, request);
    } catch (error) {
      // run answers every failure itself; this only keeps a bug there from becoming a rejection.
      log(unexpectedErrorLine(channel, error, request));
      return { ok: false, error: toIpcError(error) };
    }
  }

  return {
    async dispatch(channel, request) {
      const startedAt = performance.now();
      const result = await answer(channel, request);
      log(callLine(channelForLog(channel), startedAt, result.ok ? undefined : result.error));
      return result;
    },
    subscribe: (listener) => events.subscribe(listener),
    async close() {
      closed = true;
      live.stop();
      operations.cancelAll();
      await sessions.signOut();
      // The demo lives as long as the console that started it (DemoEnvironment: "until the app quits").
      await dependencies.demo?.close();
    },
  };
}

function runPublic<Channel extends IpcChannel>(
  handler: ChannelHandler<Channel>,
  request: ParsedRequest<Channel>,
  signal: AbortSignal,
): Promise<IpcResponse<Channel>> {
  if (handler.access !== 'public') return Promise.reject(new Error('A session handler was called without a session.'));
  return handler.run(request, { signal });
}

function operationIdOf(request: unknown): string {
  const operationId = typeof request === 'object' && request !== null && 'operationId' in request ? request.operationId : undefined;
  if (typeof operationId !== 'string') throw new Error('A cancellable channel has no operationId in its contract.');
  return operationId;
}
