import type { CaFileRegistry } from './ca-file-registry.ts';
import type { ConsoleDependencies } from './console-dependencies.ts';
import { signInToDemo } from './demo-sign-in.ts';
import type { HandlerTable } from './handler-types.ts';
import { publicHandler } from './handler-types.ts';
import type { OperationRegistry } from './operation-registry.ts';
import { probeKerberos } from './kerberos-probe.ts';
import { signInAsAsked } from './remembered-sign-in.ts';
import type { SessionState } from './session-state.ts';
import { signInWithTicket } from './ticket-sign-in.ts';

type PublicChannels = 'session:sign-in' | 'session:probe-kerberos' | 'demo:start' | 'session:current' | 'session:sign-out' | 'operation:cancel';

/**
 * The channels that work without a session: sign-in (with a password, a Kerberos ticket or
 * the demo's) and out, whether a ticket can sign in, the session, cancel.
 *
 * Sign-in answers the session summary only; the token and the passwords stay in main.
 * Signing out also cancels whatever is still running for the admin who leaves.
 */
export function createSessionHandlers(
  dependencies: ConsoleDependencies,
  sessions: SessionState,
  operations: OperationRegistry,
  caFiles: CaFileRegistry,
): Pick<HandlerTable, PublicChannels> {
  return {
    'session:sign-in': publicHandler(
      (request, { signal }) =>
        request.method === 'kerberos'
          ? signInWithTicket(dependencies, sessions, request, signal, caFiles)
          : signInAsAsked(dependencies, sessions, request, signal, caFiles),
      { cancellable: true },
    ),
    'session:probe-kerberos': publicHandler((request, { signal }) => probeKerberos(dependencies, request, signal, caFiles), { cancellable: true }),
    'demo:start': publicHandler((_request, { signal }) => signInToDemo(dependencies, sessions, signal), { cancellable: true }),
    'session:current': publicHandler(() => Promise.resolve(sessions.current()?.summary ?? null)),
    'session:sign-out': publicHandler(async () => {
      operations.cancelAll();
      return { signedOut: await sessions.signOut() };
    }),
    'operation:cancel': publicHandler((request) => Promise.resolve({ cancelled: operations.cancel(request.operationId) })),
  };
}
