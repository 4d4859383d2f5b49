import type { ObjectKind } from './directory.ts';
import type { Role } from './policy.ts';

/**
 * Each role as the connector's own tool names it ("Exchange Server", …).
 *
 * Admins know the roles by these words from Microsoft's documentation, not by our ids; the
 * grid, the dialogs and the CSV export all use them, so they live once, here.
 */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  exchange: 'Exchange Server',
  sharepoint: 'SharePoint Server',
  fci: 'File server using FCI',
};

/**
 * Each object kind in words ("Service account"), as the Windows object picker says it.
 *
 * Whether a group is security-enabled is not part of the kind, so a group is just "Group".
 */
export const OBJECT_KIND_LABELS: Readonly<Record<ObjectKind, string>> = {
  user: 'User',
  computer: 'Computer',
  group: 'Group',
  'service-account': 'Service account',
  'foreign-principal': 'Foreign security principal',
  contact: 'Contact',
  container: 'Container',
  other: 'Other object',
};
