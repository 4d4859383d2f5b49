import type { AdminRole } from '../../../contract/index.ts';

/** The roles as the console shows them: the PowerShell names, spaced as Windows admins read them. */
export const ADMIN_ROLE_LABELS: Readonly<Record<AdminRole, string>> = {
  GlobalAdministrator: 'Global Administrator',
  ConnectorAdministrator: 'Connector Administrator',
};
