import type { AdminRole } from '../../../contract/connector-api/index.ts';
import type { DirectoryAccount } from '../service-directory.ts';
import type { AccessRules } from '../store/config-store.ts';

/** Whether an account may administer now, and if not, why. */
export type AccessDecision =
  | { readonly status: 'granted'; readonly roles: readonly AdminRole[] }
  | { readonly status: 'disabled' }
  | { readonly status: 'no-role' }
  | { readonly status: 'onboarding-blocked'; readonly group: { readonly sid: string; readonly name: string } };

/**
 * Decide an account's access from its logon token and the stored rules.
 *
 * One rule for sign-in and for every later request, so a token can never carry more than
 * what sign-in would grant at this moment: roles held directly or through any group in the
 * token, and membership of the onboarding-control group when one is set.
 */
export function decideAccess(account: DirectoryAccount, rules: AccessRules): AccessDecision {
  if (account.disabled) return { status: 'disabled' };
  const principals = new Set([account.sid, ...account.groupSids]);
  const roles = [
    ...new Set(rules.administrators.filter((administrator) => principals.has(administrator.sid)).map((administrator) => administrator.role)),
  ].sort();
  if (roles.length === 0) return { status: 'no-role' };
  if (rules.onboardingGroup && !account.groupSids.has(rules.onboardingGroup.sid)) return { status: 'onboarding-blocked', group: rules.onboardingGroup };
  return { status: 'granted', roles };
}
