import {
  ConsoleEventSchema,
  type AdminBridge,
  type ConsoleEvent,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '../../contract/index.ts';

/**
 * The renderer's one way to the main process: a typed call per contract channel.
 *
 * Stores and components take this as a dependency (never `window` directly), so tests hand
 * them a fake and the browser harness or the Electron preload supply the real bridge.
 */
export type AdminApi = {
  call<Channel extends IpcChannel>(channel: Channel, request: IpcRequest<Channel>): Promise<IpcResult<IpcResponse<Channel>>>;
  /** Hear main's pushed events (live changes), each checked against the contract; answers the unsubscribe. */
  subscribe(listener: (event: ConsoleEvent) => void): () => void;
};

/**
 * Wrap the bridge so a rejected promise (a dead main process, a bridge bug) still comes back
 * as an error result the UI can show, never as an unhandled rejection; pushed events are
 * parsed with `ConsoleEventSchema` at the door, and one that does not match is dropped.
 */
export function createAdminApi(bridge: AdminBridge): AdminApi {
  return {
    subscribe(listener) {
      return bridge.subscribe((event) => {
        const parsed = ConsoleEventSchema.safeParse(event);
        if (parsed.success) listener(parsed.data);
      });
    },
    async call(channel, request) {
      try {
        return await bridge.invoke(channel, request);
      } catch {
        return {
          ok: false,
          error: {
            code: 'BRIDGE_FAILED',
            source: 'console',
            title: 'The console lost contact with its main process',
            message: 'The request did not reach the main process. Close and reopen the console; if it happens again, open the logs folder from the Help menu.',
          },
        };
      }
    },
  };
}

/** A fresh id for an operation the admin may cancel. */
export function newOperationId(): string {
  return crypto.randomUUID();
}
