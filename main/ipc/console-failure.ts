import type { IpcError } from '../../contract/ipc-result.ts';

/**
 * A refusal decided by the console itself, already in its wire shape.
 *
 * Handlers throw it where the flow must stop (no session, a stale list, an unacknowledged
 * warning); the dispatcher hands `error` over unchanged, so what the renderer shows is
 * written once, here or at the throw site, never rebuilt from a message.
 */
export class ConsoleFailure extends Error {
  readonly error: IpcError;

  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ConsoleFailure';
    this.error = error;
  }
}

/**
 * Build a console-sourced failure.
 *
 * `details` is left out when empty, so the renderer can test for its presence alone.
 */
export function consoleFailure(code: string, title: string, message: string, details?: readonly string[]): ConsoleFailure {
  return new ConsoleFailure({ code, source: 'console', title, message, ...(details && details.length > 0 ? { details: [...details] } : {}) });
}

/**
 * What a cancelled call answers.
 *
 * Only reads and checks are cancellable, so "nothing was changed" is always true.
 */
export const CANCELLED_ERROR: IpcError = { code: 'CANCELLED', source: 'console', title: 'Cancelled', message: 'Cancelled. Nothing was changed.' };

/** The answer of every channel that needs a session when there is none. */
export const NOT_SIGNED_IN_ERROR: IpcError = {
  code: 'NOT_SIGNED_IN',
  source: 'console',
  title: 'Not signed in',
  message: 'Sign in to the connector configuration service first.',
};

/**
 * A request the contract accepts but the console still refuses.
 *
 * Some checks need the session (a container outside the signed-in domain) or the running
 * state (a reused operation id); they answer the same code as a schema refusal.
 */
export function invalidRequest(message: string): ConsoleFailure {
  return consoleFailure('INVALID_REQUEST', 'The request is not valid', message);
}

/**
 * The list was written by someone else since the admin read it.
 *
 * Same code and words as the service's 412, so the renderer shows one banner with Reload.
 */
export function listChanged(): ConsoleFailure {
  return consoleFailure(
    'LIST_CHANGED',
    'The list was changed by someone else',
    'The list was changed by someone else. Reload it, check your change against the new list, then save again.',
  );
}
