import type { FindingCode } from '../../contract/policy.ts';

/**
 * A few words naming each finding code, printed beside the code by `check`, `review` and `servers add`.
 *
 * The same words as the console's message-bar titles (`renderer/components/finding-texts.ts`),
 * so an admin recognises a finding in either. TODO(#19): move this table to `contract/` and
 * import it from both, so the two cannot drift apart.
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
