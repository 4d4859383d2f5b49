import type { AdminRole, Administration, RoleBasedAdministrator } from '../../../contract/connector-api/index.ts';
import type { AdministratorToAdd, ChangeContext } from './config-store.ts';
import type { ExpectedVersion } from './expected-version.ts';

/**
 * The audit actions that change who may administer; the administration's version is the change
 * sequence of the newest of them (0 before the first).
 *
 * A version read from the audit trail needs no counter of its own: every such change already
 * takes the next sequence under the configuration lock and writes its record in the same
 * transaction, and the trail is append-only, so the version only ever moves forward.
 */
export const ADMINISTRATION_ACTIONS = `('role-based-administrator.add', 'role-based-administrator.remove', 'onboarding-control.set', 'onboarding-control.clear')`;

/** One change of the administration, as the API asks for it. */
export type AdministrationAction =
  | { readonly kind: 'add-administrator'; readonly administrator: AdministratorToAdd }
  | { readonly kind: 'remove-administrator'; readonly sid: string; readonly role: AdminRole }
  | { readonly kind: 'set-onboarding'; readonly group: { readonly sid: string; readonly name: string } | null };

/**
 * A conditional change of the administration: applied only if its version still satisfies
 * `expectedVersion` (the request's If-Match), checked in the same transaction as the write.
 */
export type AdministrationChange = {
  readonly context: ChangeContext;
  readonly expectedVersion: ExpectedVersion;
  readonly action: AdministrationAction;
};

/**
 * Every outcome of {@link AdministrationChange}; `applied` carries the administration afterwards
 * and, for a removal, the assignment as it was.
 */
export type AdministrationChangeOutcome =
  | { readonly status: 'applied'; readonly administration: Administration; readonly removed: RoleBasedAdministrator | null }
  | { readonly status: 'stale'; readonly currentVersion: number }
  | { readonly status: 'duplicate' }
  | { readonly status: 'missing' }
  | { readonly status: 'last-global-administrator' };

/**
 * What removing (sid, role) from `administrators` would do: remove that assignment, find none,
 * or leave no GlobalAdministrator assignment at all (refused).
 *
 * Counted on assignments, not on people: a group with no members still counts. What the rule
 * prevents is a configuration that nobody can change again through the API.
 */
export function judgeRemoval(
  administrators: readonly RoleBasedAdministrator[],
  sid: string,
  role: AdminRole,
):
  | { readonly status: 'remove'; readonly assignment: RoleBasedAdministrator }
  | { readonly status: 'missing' }
  | { readonly status: 'last-global-administrator' } {
  const assignment = administrators.find((administrator) => administrator.sid === sid && administrator.role === role);
  if (!assignment) return { status: 'missing' };
  const globals = administrators.filter((administrator) => administrator.role === 'GlobalAdministrator');
  if (role === 'GlobalAdministrator' && globals.length === 1) return { status: 'last-global-administrator' };
  return { status: 'remove', assignment };
}
