import { ONBOARDING_CHANGE_PLACES, ROLE_CHANGE_PLACES } from '../../../contract/connector-api/index.ts';
import { ApiFailure } from '../http/api-failure.ts';
import type { DirectoryAccount, ServiceDirectory } from '../service-directory.ts';
import type { AccessRules, ConfigStore } from '../store/config-store.ts';
import { decideAccess } from './access-rules.ts';
import { directoryCall } from './directory-call.ts';
import type { Principal, TokenAuthority, TokenHolder } from './tokens.ts';

/** The default longest time a node trusts what it last read of an admin's account. */
export const DEFAULT_ACCOUNT_RECHECK_SECONDS = 300;
/** How many accounts a node remembers; the oldest is forgotten first (and simply read again). */
const MAX_REMEMBERED_ACCOUNTS = 10_000;

/** What the per-request check needs. */
export type AdminAccessDependencies = {
  readonly store: Pick<ConfigStore, 'accessRules'>;
  readonly directory: Pick<ServiceDirectory, 'accountBySid'>;
  readonly tokens: TokenAuthority;
  readonly now: () => Date;
  /** At most this long between two directory reads of one account. */
  readonly accountRecheckSeconds: number;
};

/** Decides, on every request, whether the token's account may still administer. */
export type AdminAccess = {
  /** The request's principal with the roles it holds now; refuses with 401, 403 or 503. */
  authorize(authorization: string | undefined): Promise<Principal>;
  /** Keep what sign-in just read of the account, so the first requests need no lookup. */
  remember(account: DirectoryAccount): void;
};

/**
 * Build the per-request access check: the token names the account, the store decides.
 *
 * Role assignments and the onboarding-control group are read from the store on every request
 * — the store every node shares — so removing an administrator is refused on the next request
 * on every node. What only the directory knows (disabled, group membership) is read again at
 * most every `accountRecheckSeconds` per account, one lookup at a time per account; if the
 * directory cannot answer when a re-read is due, the request gets 503 rather than a guess.
 */
export function createAdminAccess(dependencies: AdminAccessDependencies): AdminAccess {
  const { store, directory, tokens, now } = dependencies;
  const maxAgeMs = dependencies.accountRecheckSeconds * 1000;
  const remembered = new Map<string, { readonly account: DirectoryAccount | undefined; readonly readAt: number }>();
  const reading = new Map<string, Promise<DirectoryAccount | undefined>>();

  const keep = (sid: string, account: DirectoryAccount | undefined) => {
    remembered.delete(sid);
    remembered.set(sid, { account, readAt: now().getTime() });
    if (remembered.size > MAX_REMEMBERED_ACCOUNTS) remembered.delete(remembered.keys().next().value ?? '');
  };

  const accountOf = (sid: string): Promise<DirectoryAccount | undefined> => {
    const known = remembered.get(sid);
    if (known && now().getTime() - known.readAt < maxAgeMs) return Promise.resolve(known.account);
    let pending = reading.get(sid);
    if (!pending) {
      pending = directoryCall(() => directory.accountBySid(sid))
        .then((account) => {
          keep(sid, account);
          return account;
        })
        .finally(() => reading.delete(sid));
      reading.set(sid, pending);
    }
    return pending;
  };

  return {
    async authorize(authorization) {
      const holder = await tokens.verify(authorization, now());
      const [rules, account] = await Promise.all([store.accessRules(), accountOf(holder.sid)]);
      return { ...holder, roles: rolesOrRefusal(holder, account, rules) };
    },
    remember(account) {
      keep(account.sid, account);
    },
  };
}

function rolesOrRefusal(holder: TokenHolder, account: DirectoryAccount | undefined, rules: AccessRules): Principal['roles'] {
  if (account === undefined)
    throw new ApiFailure(
      'ACCOUNT_UNUSABLE',
      `${holder.name} is no longer in the directory, so its sign-in no longer counts. Sign in with an account that exists.`,
    );
  const decision = decideAccess(account, rules);
  switch (decision.status) {
    case 'granted':
      return decision.roles;
    case 'disabled':
      throw new ApiFailure(
        'ACCOUNT_UNUSABLE',
        `${holder.name} has been disabled in the directory, so its sign-in no longer counts. Ask a domain administrator to enable it, or sign in with another account.`,
      );
    case 'no-role':
      throw new ApiFailure(
        'ROLE_REVOKED',
        `${holder.name} no longer holds the GlobalAdministrator or ConnectorAdministrator role (it was removed, or the account left the group that held it), so nothing more is accepted with this sign-in. Ask a GlobalAdministrator to assign the role again in ${ROLE_CHANGE_PLACES}; then sign in again.`,
      );
    case 'onboarding-blocked':
      throw new ApiFailure(
        'ONBOARDING_BLOCKED',
        `${holder.name} is not in "${decision.group.name}", the onboarding-control group, so nothing more is accepted with this sign-in. Ask a GlobalAdministrator to add the account to that group in Active Directory, or to change onboarding control in ${ONBOARDING_CHANGE_PLACES}; then sign in again.`,
      );
  }
}
