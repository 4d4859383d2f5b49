import type { ObjectKind } from './directory.ts';
import type { FindingCode, Role } from './policy.ts';

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

/**
 * A few words naming each finding, used as its message bar's title in the console and
 * printed beside the code by the CLI's `check`, `review` and `servers add`.
 *
 * The policy's message says the details; the title lets an admin scan a long review, and a
 * screen reader announces it as the bar's name.
 */
export const FINDING_TITLES: Readonly<Record<FindingCode, string>> = {
  EXCHANGE_REQUIRES_SECURITY_GROUP: 'Exchange needs a security group',
  SUPER_USER_GRANT: 'Members become super users',
  SUPER_USER_NON_SERVER_MEMBER: 'Accounts that are not servers become super users',
  SHAREPOINT_COMPUTER_NEEDS_GROUP: 'SharePoint computer accounts need a group',
  SHAREPOINT_BOTH_ACCOUNTS: 'Authorize both SharePoint accounts',
  FCI_REQUIRES_COMPUTER_ACCOUNTS: 'FCI needs computer accounts',
  FCI_GROUP_NON_COMPUTER_MEMBER: 'The group holds accounts that are not computers',
  DISTRIBUTION_GROUP: 'Distribution group',
  GROUP_SHARES_CERTIFICATES: 'Servers in a group share certificates',
  BROAD_PRINCIPAL: 'Broad principal',
  ALREADY_AUTHORIZED: 'Already authorized',
  OVERLAPPING_ENTRY: 'Overlapping entries',
  ACCOUNT_DISABLED: 'Disabled account',
  CONNECTOR_HOST: 'Connector node included',
  NOT_FOUND: 'Not found',
  AMBIGUOUS_NAME: 'Several objects have this name',
  ORPHANED_ENTRY: 'Entry no longer resolves',
  EMPTY_GROUP: 'Empty group',
  PREFER_GROUP: 'Consider a group',
};
