import type { ConsoleEvent, IpcChannel, IpcError, IpcRequest, IpcResponse, IpcResult } from '../../contract/index.ts';
import type { AdminApi } from '../api/admin-api.ts';

/** A handler per channel for a component or store test; unlisted channels answer an error. */
export type FakeHandlers = {
  [Channel in IpcChannel]?: (request: IpcRequest<Channel>) => IpcResult<IpcResponse<Channel>> | Promise<IpcResult<IpcResponse<Channel>>>;
};

/** A recorded call, for asserting what the UI asked for. */
export type RecordedCall = { readonly channel: IpcChannel; readonly request: unknown };

/** An {@link AdminApi} over plain handlers (unit tests of the layer above the bridge only); `emit` plays main pushing an event. */
export function createFakeApi(handlers: FakeHandlers): AdminApi & { readonly calls: RecordedCall[]; emit(event: ConsoleEvent): void } {
  const calls: RecordedCall[] = [];
  const listeners = new Set<(event: ConsoleEvent) => void>();
  return {
    calls,
    subscribe(listener) {
      const entry = (event: ConsoleEvent): void => {
        listener(event);
      };
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    emit(event) {
      for (const listener of [...listeners]) listener(event);
    },
    async call(channel, request) {
      calls.push({ channel, request });
      const handler = handlers[channel] as ((request: unknown) => unknown) | undefined;
      if (!handler)
        return failure({ code: 'UNKNOWN_CHANNEL', source: 'console', title: 'Not handled', message: `The fake API has no handler for ${channel}.` });
      return (await handler(request)) as IpcResult<IpcResponse<typeof channel>>;
    },
  };
}

/** A successful result. */
export function success<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

/** A failed result. */
export function failure(error: IpcError): { ok: false; error: IpcError } {
  return { ok: false, error };
}
