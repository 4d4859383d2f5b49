import type { CloudEnvironment, SignInRequest, SignInResponse } from '../../../contract/connector-api/index.ts';
import { hiddenCharacterMessage } from '../../../contract/hidden-characters.ts';
import { DirectoryError } from '../../../core/directory/index.ts';
import { ApiFailure } from '../http/api-failure.ts';
import type { ServiceDirectory } from '../service-directory.ts';
import type { ConfigStore } from '../store/config-store.ts';
import { decideAccess } from './access-rules.ts';
import type { AdminAccess } from './admin-access.ts';
import { directoryCall, directoryUnavailable } from './directory-call.ts';
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
};

/** Sign-in outcomes the log records (never the password). */
export type SignIn = (request: SignInRequest) => Promise<SignInResponse & { readonly sid: string }>;

/** Directory refusals of the admin's own account that are not a wrong password. */
const ACCOUNT_UNUSABLE = new Set(['ACCOUNT_LOCKED', 'ACCOUNT_DISABLED', 'ACCOUNT_EXPIRED', 'PASSWORD_EXPIRED', 'LOGON_RESTRICTED']);

/**
 * Build sign-in: throttle, one bind as the admin, then role and onboarding checks.
 *
 * At most one bind per account at a time and none while the account must wait, so a
 * script hammering the service cannot turn into a directory lockout of the real admin.
 */
export function createSignIn(dependencies: SignInDependencies): SignIn {
  const inFlight = new Set<string>();
  return async (request) => {
    const { store, directory, tokens, access, environment, now } = dependencies;
    if (request.environment !== environment) {
      throw new ApiFailure(
        'WRONG_ENVIRONMENT',
        `This service serves the ${environment} environment, not ${request.environment}. Choose ${environment}, or use the service URL of the ${request.environment} environment.`,
      );
    }
    const account = throttleKeyOf(request.username);
    const throttle = await store.signInThrottle(account);
    if (throttle.blockedUntil !== null && Date.parse(throttle.blockedUntil) > now().getTime()) throw throttled(throttle.blockedUntil, now());
    if (inFlight.has(account))
      throw new ApiFailure('THROTTLED', 'A sign-in for this account is already in progress. Wait for it to finish.', { headers: { 'retry-after': '1' } });
    inFlight.add(account);
    try {
      await verifyPassword(dependencies, account, request);
    } finally {
      inFlight.delete(account);
    }
    const directoryAccount = await directoryCall(() => directory.accountOf(request.username));
    if (!directoryAccount)
      throw new ApiFailure(
        'NO_ADMIN_ROLE',
        `"${request.username}" signed in, but the directory has no user account by that name to check roles for. Sign in with your user principal name.`,
      );
    const hidden = hiddenCharacterMessage(directoryAccount.name, 'the user principal name in Active Directory');
    // The UPN becomes the audit actor: it must read as what it is.
    if (hidden !== undefined) throw new ApiFailure('ACCOUNT_UNUSABLE', `This account's user principal name cannot be used as an audit name. ${hidden}`);
    const decision = decideAccess(directoryAccount, await store.accessRules());
    if (decision.status === 'disabled')
      throw new ApiFailure('ACCOUNT_UNUSABLE', `${directoryAccount.name} is disabled in the directory. Ask a domain administrator to enable it.`);
    if (decision.status === 'no-role') {
      throw new ApiFailure(
        'NO_ADMIN_ROLE',
        `${directoryAccount.name} holds neither the GlobalAdministrator nor the ConnectorAdministrator role. Ask a global administrator to run: rms-connector-service admins add --user ${directoryAccount.name} --role ConnectorAdministrator`,
      );
    }
    if (decision.status === 'onboarding-blocked') {
      throw new ApiFailure(
        'ONBOARDING_BLOCKED',
        `The attempt to discover the location of the administration service and organization failed for ${directoryAccount.name}: onboarding control allows only members of "${decision.group.name}". Ask a global administrator to add the account to that group, or sign in with an account that is in it.`,
      );
    }
    access.remember(directoryAccount);
    const issued = await tokens.issue({ name: directoryAccount.name, sid: directoryAccount.sid }, now());
    return { ...issued, sid: directoryAccount.sid };
  };
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
