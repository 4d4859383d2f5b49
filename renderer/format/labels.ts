import { OBJECT_KIND_LABELS, ROLE_LABELS, type AdminRole, type AuditAction, type ObjectKind, type Role } from '../../contract/index.ts';

const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'authorized-account.add': 'Server allowed',
  'authorized-account.remove': 'Server removed',
  'super-user-feature.enable': 'Super-user feature switched on',
  'role-based-administrator.add': 'Administrator added',
  'role-based-administrator.remove': 'Administrator removed',
  'onboarding-control.set': 'Onboarding control set',
  'onboarding-control.clear': 'Onboarding control cleared',
  'super-user.joined': 'Became a super user',
  'super-user.left': 'No longer a super user',
  'super-users.reviewed': 'Super users reviewed',
};

/**
 * A role as the connector's own tool names it ("Exchange Server", …).
 *
 * Admins know the roles by these words from Microsoft's documentation, not by our ids.
 */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/**
 * An object kind in words ("Service account"), as the Windows object picker says it.
 *
 * Whether a group is security-enabled is not part of the kind, so a group is just "Group".
 */
export function kindLabel(kind: ObjectKind): string {
  return OBJECT_KIND_LABELS[kind];
}

/**
 * An audit action in words ("Server allowed").
 *
 * The stored action ids are for scripts; the log is read by people.
 */
export function auditActionLabel(action: AuditAction): string {
  return AUDIT_ACTION_LABELS[action];
}

/** The roles as the console shows them: the PowerShell names, spaced as Windows admins read them. */
export const ADMIN_ROLE_LABELS: Readonly<Record<AdminRole, string>> = {
  GlobalAdministrator: 'Global Administrator',
  ConnectorAdministrator: 'Connector Administrator',
};

/**
 * A service administrator role in words ("Global Administrator").
 *
 * The service names roles as the AIPService cmdlets do (`GlobalAdministrator`); people read
 * them with spaces. A role this console does not know yet is shown as the service names it.
 */
export function adminRoleLabel(role: string): string {
  return (ADMIN_ROLE_LABELS as Readonly<Record<string, string>>)[role] ?? role;
}
