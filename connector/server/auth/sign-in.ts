import {
  ONBOARDING_CHANGE_PLACES,
  ROLE_CHANGE_PLACES,
  type CloudEnvironment,
  type KerberosSignInRequest,
  type SignInRequest,
  type SignInResponse,
} from '../../../contract/connector-api/index.ts';
import { hiddenCharacterMessage } from '../../../contract/hidden-characters.ts';
import { kerberosMessage } from '../../../contract/kerberos.ts';
import { DirectoryError } from '../../../core/directory/index.ts';
import { parseClientPrincipal } from '../../../core/kerberos/index.ts';
import { ApiFailure } from '../http/api-failure.ts';
import type { DirectoryAccount, ServiceDirectory } from '../service-directory.ts';
import type { ConfigStore } from '../store/config-store.ts';
import { decideAccess } from './access-rules.ts';
import type { AdminAccess } from './admin-access.ts';
import { directoryCall, directoryUnavailable } from './directory-call.ts';
import { NEGOTIATE_CHALLENGE, parseNegotiateHeader } from './negotiate-header.ts';
import type { NegotiateAcceptor } from './negotiate.ts';
import { blockedUntilAfter, throttleKeyOf } from './sign-in-throttle.ts';
import type { TokenAuthority } from './tokens.ts';

/** What sign-in needs. */
export type SignInDependencies = {
  readonly store: ConfigStore;
  readonly directory: ServiceDirectory;
  readonly tokens: TokenAuthority;
  readonly access: Pick<AdminAccess, 'remember'>;
  readonly environment: CloudEnvironment;
  readonly now: () => Date;
  /** The node's Kerberos acceptor; none when it has no keytab (Negotiate then answers KERBEROS_NOT_CONFIGURED). */
  readonly negotiate?: NegotiateAcceptor | undefined;
};

/** A signed-in admin: the token, and who it is for the log (never the password or the ticket). */
export type SignedIn = SignInResponse & { readonly sid: string; readonly account: string };

/** A Negotiate sign-in: the admin as above, and the node's answer token for mutual authentication. */
export type KerberosSignedIn = SignedIn & { readonly clientPrincipal: string; readonly answerToken: Buffer };

/** The two ways in; both end in the same checks (`admit`). */
export type SignIn = {
  withPassword(request: SignInRequest): Promise<SignedIn>;
  /** `authorization` is the request's `Authorization` header, `Negotiate <base64 token>`. */
  withKerberos(request: KerberosSignInRequest, authorization: string | undefined): Promise<KerberosSignedIn>;
};

/** Directory refusals of the admin's own account that are not a wrong password. */
const ACCOUNT_UNUSABLE = new Set(['ACCOUNT_LOCKED', 'ACCOUNT_DISABLED', 'ACCOUNT_EXPIRED', 'PASSWORD_EXPIRED', 'LOGON_RESTRICTED']);

/** How one sign-in proves who it is and finds the account; the rest is common to all. */
type Attempt = {
  /** The key the throttle counts under and the in-flight guard holds. */
  readonly throttleKey: string;
  /** Prove the credential (if any proof is left) and read the account, under the in-flight guard. */
  readonly authenticate: () => Promise<DirectoryAccount>;
};

/**
 * Build sign-in: a password bind, or a Kerberos ticket the node accepted, then the same
 * throttle, in-flight guard, role and onboarding checks for both.
 *
 * At most one sign-in per account at a time and none while the account must wait, so a
 * script hammering the service cannot turn into a directory lockout of the real admin. Only
 * a wrong password counts toward the wait: a refused Kerberos token proves nothing about the
 * password and is refused before any account is named.
 */
export function createSignIn(dependencies: SignInDependencies): SignIn {
  const inFlight = new Set<string>();
  const admit = async (attempt: Attempt): Promise<SignedIn> => {
    const { store, tokens, access, now } = dependencies;
    const throttle = await store.signInThrottle(attempt.throttleKey);
    if (throttle.blockedUntil !== null && Date.parse(throttle.blockedUntil) > now().getTime()) throw throttled(throttle.blockedUntil, now());
    if (inFlight.has(attempt.throttleKey))
      throw new ApiFailure('THROTTLED', 'A sign-in for this account is already in progress. Wait for it to finish.', { headers: { 'retry-after': '1' } });
    inFlight.add(attempt.throttleKey);
    let directoryAccount: DirectoryAccount;
    try {
      directoryAccount = await attempt.authenticate();
    } finally {
      inFlight.delete(attempt.throttleKey);
    }
    refuseUnlessAdmin(directoryAccount, decideAccess(directoryAccount, await store.accessRules()));
    access.remember(directoryAccount);
    const issued = await tokens.issue({ name: directoryAccount.name, sid: directoryAccount.sid }, now());
    return { ...issued, sid: directoryAccount.sid, account: directoryAccount.name };
  };
  return {
    withPassword: async (request) => {
      refuseOtherEnvironment(request.environment, dependencies.environment);
      const throttleKey = throttleKeyOf(request.username);
      return admit({
        throttleKey,
        authenticate: async () => {
          await verifyPassword(dependencies, throttleKey, request);
          const account = await directoryCall(() => dependencies.directory.accountOf(request.username));
          if (!account)
            throw new ApiFailure(
              'NO_ADMIN_ROLE',
              `"${request.username}" signed in, but the directory has no user account by that name to check roles for. Sign in with your user principal name.`,
            );
          return account;
        },
      });
    },
    withKerberos: async (request, authorization) => {
      refuseOtherEnvironment(request.environment, dependencies.environment);
      const acceptor = dependencies.negotiate;
      if (!acceptor) throw new ApiFailure('KERBEROS_NOT_CONFIGURED', kerberosMessage('KERBEROS_NOT_CONFIGURED'), { headers: { ...NEGOTIATE_CHALLENGE } });
      const accepted = await acceptor.accept(parseNegotiateHeader(authorization));
      const principal = parseClientPrincipal(accepted.clientPrincipal);
      const unmapped = () =>
        new ApiFailure('KERBEROS_UNMAPPED_PRINCIPAL', kerberosMessage('KERBEROS_UNMAPPED_PRINCIPAL', accepted.clientPrincipal), {
          headers: { ...NEGOTIATE_CHALLENGE },
        });
      if (principal === undefined) throw unmapped();
      // The same key a password sign-in with the implicit UPN (alice@corp.contoso.com) counts under.
      const signedIn = await admit({
        throttleKey: throttleKeyOf(`${principal.name}@${principal.realm}`),
        authenticate: async () => {
          const found = await directoryCall(() => dependencies.directory.accountOfPrincipal(principal));
          if (found === undefined) throw unmapped();
          return found;
        },
      });
      return { ...signedIn, clientPrincipal: accepted.clientPrincipal, answerToken: accepted.answerToken };
    },
  };
}

function refuseOtherEnvironment(requested: CloudEnvironment, served: CloudEnvironment): void {
  if (requested !== served) {
    throw new ApiFailure(
      'WRONG_ENVIRONMENT',
      `This service serves the ${served} environment, not ${requested}. Choose ${served}, or use the service URL of the ${requested} environment.`,
    );
  }
}

/** Refuse an account that may not administer, with the same code and sentence whichever way it signed in. */
function refuseUnlessAdmin(account: DirectoryAccount, decision: ReturnType<typeof decideAccess>): void {
  const hidden = hiddenCharacterMessage(account.name, 'the user principal name in Active Directory');
  // The UPN becomes the audit actor: it must read as what it is.
  if (hidden !== undefined) throw new ApiFailure('ACCOUNT_UNUSABLE', `This account's user principal name cannot be used as an audit name. ${hidden}`);
  if (decision.status === 'disabled')
    throw new ApiFailure('ACCOUNT_UNUSABLE', `${account.name} is disabled in the directory. Ask a domain administrator to enable it.`);
  if (decision.status === 'no-role') {
    throw new ApiFailure(
      'NO_ADMIN_ROLE',
      `${account.name} holds neither the GlobalAdministrator nor the ConnectorAdministrator role. Ask a GlobalAdministrator to give it a role in ${ROLE_CHANGE_PLACES} (before anyone holds GlobalAdministrator, the service's operator runs on its host: rms-connector-service admins add --user ${account.name} --role GlobalAdministrator).`,
    );
  }
  if (decision.status === 'onboarding-blocked') {
    throw new ApiFailure(
      'ONBOARDING_BLOCKED',
      `The attempt to discover the location of the administration service and organization failed for ${account.name}: onboarding control allows only members of "${decision.group.name}". Ask a GlobalAdministrator to add the account to that group in Active Directory, or to change onboarding control in ${ONBOARDING_CHANGE_PLACES}; or sign in with an account that is in it.`,
    );
  }
}

async function verifyPassword(dependencies: SignInDependencies, account: string, request: SignInRequest): Promise<void> {
  const { store, directory, now } = dependencies;
  try {
    await directory.verifyPassword(request.username, request.password);
  } catch (error) {
    if (!(error instanceof DirectoryError)) throw error;
    if (error.code === 'INVALID_INPUT') throw new ApiFailure('VALIDATION_FAILED', `The user name is not valid: ${error.message}`);
    if (error.code === 'INVALID_CREDENTIALS') {
      const at = now();
      // The store decides the block from the count that includes this failure, under its lock:
      // two nodes failing the same account at once cannot both count from an old number.
      await store.recordSignInFailure(account, at.toISOString(), (failures) => blockedUntilAfter(failures, at)?.toISOString() ?? null);
      throw new ApiFailure('BAD_CREDENTIALS', 'The user name or password is incorrect. Use your user principal name (admin@contoso.com) or DOMAIN\\name.');
    }
    if (ACCOUNT_UNUSABLE.has(error.code)) throw new ApiFailure('ACCOUNT_UNUSABLE', error.message.replace('The bind account', 'This account'));
    throw directoryUnavailable(error);
  }
  await store.clearSignInFailures(account);
}

function throttled(blockedUntil: string, now: Date): ApiFailure {
  const seconds = Math.max(1, Math.ceil((Date.parse(blockedUntil) - now.getTime()) / 1000));
  return new ApiFailure('THROTTLED', `Too many failed sign-ins for this account. Wait ${String(seconds)} seconds, then try again with the right password.`, {
    headers: { 'retry-after': String(seconds) },
  });
}
