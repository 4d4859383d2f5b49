import type { SignInResponse, Session } from '../../contract/connector-api/index.ts';
import type { ConnectorClient } from '../../core/connector/index.ts';
import { kerberosIdentityOf, type Directory } from '../../core/directory/index.ts';
import type { ConsoleDependencies } from './console-dependencies.ts';
import { consoleFailure } from './console-failure.ts';
import type { SignInTarget } from './open-session.ts';

/**
 * The service sign-in a target asks for: its password, or the current Kerberos ticket.
 *
 * Without a Kerberos port (a console wired without it) the Kerberos form is refused in plain
 * words; the probe then never offers it either.
 */
export function serviceSignIn(dependencies: ConsoleDependencies, client: ConnectorClient, target: SignInTarget, signal: AbortSignal): Promise<SignInResponse> {
  if (target.method !== 'kerberos') return client.signIn({ environment: target.environment, username: target.username, password: target.password }, { signal });
  const signInWithKerberos = dependencies.signInWithKerberos;
  if (signInWithKerberos === undefined) return Promise.reject(kerberosNotAvailable());
  const request = { environment: target.environment, ...(target.servicePrincipal === undefined ? {} : { servicePrincipal: target.servicePrincipal }) };
  return signInWithKerberos(client, request, { signal });
}

/** Why Kerberos is not offered where the console was started without the service's Kerberos sign-in. */
export function kerberosNotAvailable(): ReturnType<typeof consoleFailure> {
  return consoleFailure(
    'NOT_AVAILABLE',
    'Kerberos sign-in is not available',
    'This console was started without Kerberos sign-in to the service. Sign in with a password.',
  );
}

/**
 * The name the console shows for the signed-in admin.
 *
 * With a password, the service's. With Kerberos, the directory's `CORP\alice` (the name the
 * admin knows; the ticket only says which principal to look up), checked against the
 * service's SID: should the ticket change between the two sign-ins (another kinit), the
 * service and the directory would act for different people, and the sign-in is refused.
 * Where a bind account reads the directory, the account is looked up by the service's SID.
 */
export async function adminNameOf(target: SignInTarget, session: Session, directory: Directory, signal: AbortSignal): Promise<string> {
  if (target.method !== 'kerberos') return session.name;
  const { netbiosDomain } = directory.domain;
  if (directory.kerberosPrincipal() === undefined) {
    const object = await directory.objectBySid(session.sid, signal);
    return object?.samAccountName === undefined ? session.name : `${netbiosDomain}\\${object.samAccountName}`;
  }
  const identity = await kerberosIdentityOf(directory, signal);
  if (identity.object.sid.toUpperCase() !== session.sid.toUpperCase()) {
    throw consoleFailure(
      'KERBEROS_IDENTITY_MISMATCH',
      'The service and the directory saw different accounts',
      `The service signed you in as ${session.name}, but the directory connection was opened as ${identity.account}: the Kerberos ticket changed while signing in. Sign in again.`,
    );
  }
  return identity.account;
}
