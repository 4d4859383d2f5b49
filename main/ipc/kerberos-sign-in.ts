import type { SignInResponse, Session } from '../../contract/connector-api/index.ts';
import type { ConnectorClient } from '../../core/connector/index.ts';
import { kerberosIdentityOf, type Directory } from '../../core/directory/index.ts';
import { consoleFailure } from './console-failure.ts';
import type { SignInTarget } from './open-session.ts';

/**
 * The service sign-in a target asks for: its password, or the current Kerberos ticket
 * (SPNEGO to the node's `HTTP/` principal, whose answer the client checks: mutual authentication).
 */
export function serviceSignIn(client: ConnectorClient, target: SignInTarget, signal: AbortSignal): Promise<SignInResponse> {
  if (target.method !== 'kerberos') return client.signIn({ environment: target.environment, username: target.username, password: target.password }, { signal });
  const request = { environment: target.environment, ...(target.servicePrincipal === undefined ? {} : { servicePrincipal: target.servicePrincipal }) };
  return client.signInWithKerberos(request, { signal });
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
