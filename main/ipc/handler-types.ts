import type { z } from 'zod';
import type { IpcChannel, IpcResponse, ipcContract } from '../../contract/ipc.ts';
import type { ActiveSession } from './open-session.ts';

/**
 * A channel's request after the contract parsed it.
 *
 * Handlers get the parsed form (defaults applied, strings trimmed), never the raw payload.
 */
export type ParsedRequest<Channel extends IpcChannel> = z.output<(typeof ipcContract)[Channel]['request']>;

/**
 * What every handler gets besides its request: the signal `operation:cancel` aborts.
 *
 * Non-cancellable channels get a signal that never aborts, so handlers need no special case.
 */
export type PublicCall = { readonly signal: AbortSignal };

/**
 * What a handler that needs a signed-in admin gets: the signal and the live session.
 *
 * The dispatcher hands the session over, so no handler looks it up (or forgets to).
 */
export type SessionCall = PublicCall & { readonly session: ActiveSession };

/**
 * One channel's handler and the two facts the dispatcher needs before running it.
 *
 * `access` says whether the channel needs a session (checked by the dispatcher, so no
 * handler can forget it); `cancellable` registers the request's `operationId`.
 */
export type ChannelHandler<Channel extends IpcChannel> =
  | { readonly access: 'public'; readonly cancellable: boolean; run(request: ParsedRequest<Channel>, call: PublicCall): Promise<IpcResponse<Channel>> }
  | { readonly access: 'session'; readonly cancellable: boolean; run(request: ParsedRequest<Channel>, call: SessionCall): Promise<IpcResponse<Channel>> };

/**
 * A handler for every channel of the contract.
 *
 * A channel added to the contract without a handler is a compile error, not a runtime gap.
 */
export type HandlerTable = { readonly [Channel in IpcChannel]: ChannelHandler<Channel> };

/**
 * A channel that needs a signed-in admin.
 *
 * The dispatcher answers `NOT_SIGNED_IN` before `run` when there is no session.
 */
export function sessionHandler<Channel extends IpcChannel>(
  run: (request: ParsedRequest<Channel>, call: SessionCall) => Promise<IpcResponse<Channel>>,
  options: { cancellable?: boolean } = {},
): ChannelHandler<Channel> {
  return { access: 'session', cancellable: options.cancellable ?? false, run };
}

/**
 * A channel anyone may call (defaults, sign-in, session state, cancel).
 *
 * Kept to the few channels the sign-in screen needs before a session exists.
 */
export function publicHandler<Channel extends IpcChannel>(
  run: (request: ParsedRequest<Channel>, call: PublicCall) => Promise<IpcResponse<Channel>>,
  options: { cancellable?: boolean } = {},
): ChannelHandler<Channel> {
  return { access: 'public', cancellable: options.cancellable ?? false, run };
}
