import type { IpcChannel, IpcRequest, IpcResponse } from './ipc.ts';
import type { IpcResult } from './ipc-result.ts';

/**
 * What the preload puts on `window.adminBridge` (and what the browser harness stands in for).
 *
 * One function, every channel: the renderer cannot name anything the contract does not list.
 * `subscribe` is the one way back: main pushes {@link ConsoleEvent}s (see `console-events.ts`)
 * to the console's own main frame; the listener gets the event's data only, never Electron's
 * event object, and the renderer parses it with `ConsoleEventSchema` before using it.
 * It answers the function that unsubscribes.
 */
export type AdminBridge = {
  invoke<Channel extends IpcChannel>(channel: Channel, request: IpcRequest<Channel>): Promise<IpcResult<IpcResponse<Channel>>>;
  subscribe(listener: (event: unknown) => void): () => void;
};
