import type { DirectoryObject, ObjectTypeFilter, Resolution } from '../../../contract/directory.ts';

/** What a principal is for: a role assignment (user or security group) or onboarding control (security group). */
export type PrincipalPurpose = 'role' | 'onboarding';

/** A principal found in the directory and fit for its purpose, or why not, in words for an admin. */
export type PrincipalVerdict =
  | { readonly status: 'accepted'; readonly object: DirectoryObject; readonly kind: 'user' | 'group' }
  | { readonly status: 'refused'; readonly reason: PrincipalRefusal; readonly message: string };

/** Why a name or object cannot hold a role or be the onboarding group. */
export type PrincipalRefusal = 'not-found' | 'ambiguous' | 'not-security-group' | 'wrong-kind';

/**
 * The object types a name is resolved among: distribution groups too, so that naming one is
 * refused as "not a security group" rather than reported as unknown.
 */
export const PRINCIPAL_TYPES: Readonly<Record<PrincipalPurpose, readonly ObjectTypeFilter[]>> = {
  role: ['user', 'service-account', 'group'],
  onboarding: ['group'],
};

/**
 * Judge what the directory found for a name: one user or security group for a role, one
 * security group for onboarding control.
 *
 * One rule for the service's API and its local command line (Add-AipServiceRoleBasedAdministrator
 * takes users and groups; the onboarding-control policy a security group), so the two front
 * doors cannot accept different things.
 */
export function judgePrincipal(resolution: Resolution | undefined, name: string, purpose: PrincipalPurpose): PrincipalVerdict {
  const wanted = purpose === 'role' ? 'user or security group' : 'security group';
  if (resolution?.status === 'ambiguous')
    return {
      status: 'refused',
      reason: 'ambiguous',
      message: `"${name}" matches ${String(resolution.candidates.length)} objects. Give the ${wanted} as DOMAIN\\name, its user principal name or its SID.`,
    };
  if (resolution?.status !== 'resolved') return { status: 'refused', reason: 'not-found', message: `There is no ${wanted} named "${name}" in the directory.` };
  return judgeObject(resolution.object, purpose);
}

/** Judge an object already found (by SID): the same rule as {@link judgePrincipal}. */
export function judgeObject(object: DirectoryObject, purpose: PrincipalPurpose): PrincipalVerdict {
  if (object.kind === 'group') {
    if (object.group?.security === true) return { status: 'accepted', object, kind: 'group' };
    return {
      status: 'refused',
      reason: 'not-security-group',
      message: `${object.samAccountName ?? object.name} is a distribution group, and ${purpose === 'role' ? 'a role' : 'onboarding control'} needs a security group (only security groups are in a sign-in token).`,
    };
  }
  if (purpose === 'role' && (object.kind === 'user' || object.kind === 'service-account')) return { status: 'accepted', object, kind: 'user' };
  return {
    status: 'refused',
    reason: 'wrong-kind',
    message: `${object.samAccountName ?? object.name} is a ${object.kind.replace('-', ' ')}; ${purpose === 'role' ? 'a role is given to a user or a security group' : 'onboarding control needs a security group'}.`,
  };
}
