import type { SessionSummary } from '../../contract/console-session.ts';
import type { CaFileRegistry } from './ca-file-registry.ts';
import type { ConsoleDependencies } from './console-dependencies.ts';
import type { ParsedRequest } from './handler-types.ts';
import { rememberConnection } from './remembered-sign-in.ts';
import type { SessionState } from './session-state.ts';

/** The Kerberos form of `session:sign-in`. */
export type KerberosSignInRequest = Extract<ParsedRequest<'session:sign-in'>, { method: 'kerberos' }>;

/**
 * Sign in as the holder of the current Kerberos ticket: to the service (Negotiate) and to the directory.
 *
 * No password exists on this path: nothing is typed, read from the vault or kept. The vault
 * is left as it is (a password remembered for the password form stays for it), and the
 * remembered connection keeps the user name the password form last used: the ticket's
 * account is shown from the directory at each sign-in, never stored.
 */
export async function signInWithTicket(
  dependencies: ConsoleDependencies,
  sessions: SessionState,
  request: KerberosSignInRequest,
  signal: AbortSignal,
  caFiles: CaFileRegistry,
): Promise<SessionSummary> {
  const { caFileId, ...settings } = request.directory;
  const caPem = caFileId === undefined ? undefined : await caFiles.pem(caFileId, signal);
  const summary = await sessions.signIn(
    {
      method: 'kerberos',
      environment: request.environment,
      serviceUrl: request.serviceUrl,
      ...(request.servicePrincipal === undefined ? {} : { servicePrincipal: request.servicePrincipal }),
      directory: settings,
      ...(caPem === undefined ? {} : { directoryCaPem: caPem }),
      demo: false,
    },
    signal,
  );
  const previous = await dependencies.profiles.load().then(
    (stored) => stored.defaults.username,
    () => '',
  );
  await rememberConnection(dependencies, request, previous, caFileId === undefined ? undefined : caFiles.pathOf(caFileId));
  return summary;
}
