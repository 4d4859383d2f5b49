import type { ConsoleDefaults } from '../contract/console-session.ts';
import type { HandlerTable } from './handler-types.ts';
import { publicHandler } from './handler-types.ts';
import type { OperationRegistry } from './operation-registry.ts';
import type { SessionState } from './session-state.ts';

type PublicChannels = 'console:get-defaults' | 'session:sign-in' | 'session:current' | 'session:sign-out' | 'operation:cancel';

/**
 * The channels that work without a session: defaults, sign-in and out, the session, cancel.
 *
 * Sign-in answers the session summary only; the token and the passwords stay in main.
 * Signing out also cancels whatever is still running for the admin who leaves.
 */
export function createSessionHandlers(sessions: SessionState, operations: OperationRegistry, defaults: ConsoleDefaults): Pick<HandlerTable, PublicChannels> {
  return {
    'console:get-defaults': publicHandler(() => Promise.resolve(defaults)),
    'session:sign-in': publicHandler((request, { signal }) => sessions.signIn(request, signal), { cancellable: true }),
    'session:current': publicHandler(() => Promise.resolve(sessions.current()?.summary ?? null)),
    'session:sign-out': publicHandler(async () => {
      operations.cancelAll();
      return { signedOut: await sessions.signOut() };
    }),
    'operation:cancel': publicHandler((request) => Promise.resolve({ cancelled: operations.cancel(request.operationId) })),
  };
}
