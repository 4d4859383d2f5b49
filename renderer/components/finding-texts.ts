import type { FindingCode } from '../../contract/index.ts';

/**
 * A few words naming each finding, used as its message bar's title.
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

const ACKNOWLEDGEMENTS: Partial<Record<FindingCode, string>> = {
  SUPER_USER_GRANT: 'I understand that every member listed will be able to open all protected content',
  SUPER_USER_NON_SERVER_MEMBER: 'I understand that accounts that are not servers will become super users',
  FCI_GROUP_NON_COMPUTER_MEMBER: 'I understand that the group holds accounts that are not computers',
  DISTRIBUTION_GROUP: 'I understand that a distribution group never appears in a Windows token',
  OVERLAPPING_ENTRY: 'I understand that an account will be covered by more than one entry',
  ACCOUNT_DISABLED: 'I understand that the account is disabled',
  CONNECTOR_HOST: 'I understand that a connector node’s own computer account is included',
  EMPTY_GROUP: 'I understand that whoever joins this group later is authorized without another review',
  ORPHANED_ENTRY: 'I understand that the entry no longer resolves to an account',
};

/**
 * The label of the checkbox that acknowledges a warning; it always starts "I understand".
 *
 * Each code gets its own sentence so two warnings on one screen never share an accessible
 * name, and the admin reads what exactly is being accepted.
 */
export function acknowledgementLabel(code: FindingCode): string {
  return ACKNOWLEDGEMENTS[code] ?? `I understand: ${FINDING_TITLES[code].toLowerCase()}`;
}
