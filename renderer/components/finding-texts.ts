import { FINDING_TITLES, type FindingCode } from '../../contract/index.ts';

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
