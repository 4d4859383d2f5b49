import type { IpcChannel, IpcRequest, IpcResponse } from './ipc.ts';
import type { IpcResult } from './ipc-result.ts';

/**
 * What the preload puts on `window.adminBridge` (and what the browser harness stands in for).
 *
 * One function, every channel: the renderer cannot name anything the contract does not list.
 */
export type AdminBridge = {
  invoke<Channel extends IpcChannel>(channel: Channel, request: IpcRequest<Channel>): Promise<IpcResult<IpcResponse<Channel>>>;
};
