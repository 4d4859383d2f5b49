import { accountNameOf } from '../../contract/account-name.ts';
import type { DirectoryObject } from '../../contract/directory.ts';
import type { Finding, FindingAccount, FindingCode, Severity } from '../../contract/policy.ts';

/** The severity each code always has: part of the public contract with the code itself. */
export const SEVERITY_OF: Readonly<Record<FindingCode, Severity>> = {
  EXCHANGE_REQUIRES_SECURITY_GROUP: 'error',
  SUPER_USER_GRANT: 'warning',
  SUPER_USER_NON_SERVER_MEMBER: 'warning',
  SHAREPOINT_COMPUTER_NEEDS_GROUP: 'error',
  SHAREPOINT_BOTH_ACCOUNTS: 'info',
  FCI_REQUIRES_COMPUTER_ACCOUNTS: 'error',
  FCI_GROUP_NON_COMPUTER_MEMBER: 'warning',
  DISTRIBUTION_GROUP: 'warning',
  GROUP_SHARES_CERTIFICATES: 'info',
  BROAD_PRINCIPAL: 'error',
  ALREADY_AUTHORIZED: 'error',
  OVERLAPPING_ENTRY: 'warning',
  ACCOUNT_DISABLED: 'warning',
  CONNECTOR_HOST: 'warning',
  NOT_FOUND: 'error',
  AMBIGUOUS_NAME: 'error',
  ORPHANED_ENTRY: 'warning',
  EMPTY_GROUP: 'warning',
  PREFER_GROUP: 'info',
};

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Build a finding; the severity comes from the code, never from the caller. */
export function finding(code: FindingCode, message: string, accounts: readonly FindingAccount[] = []): Finding {
  // Sorted so that the same directory state always gives the same output (--json diffs).
  return {
    code,
    severity: SEVERITY_OF[code],
    message,
    accounts: [...accounts].sort((left, right) => left.name.localeCompare(right.name) || left.sid.localeCompare(right.sid)),
  };
}

/** How an account is named to an admin: `CORP\sAMAccountName`, else its name. */
export function labelOf(object: DirectoryObject, netbiosDomain: string): string {
  return accountNameOf(object, netbiosDomain);
}

/** An object as a finding account. */
export function accountOf(object: DirectoryObject, netbiosDomain: string): FindingAccount {
  return { sid: object.sid, name: labelOf(object, netbiosDomain) };
}

/** Errors first, then warnings, then infos; within a severity, the order rules ran. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((left, right) => SEVERITY_ORDER[left.severity] - SEVERITY_ORDER[right.severity]);
}

/** "3 accounts" / "1 account". */
export function countOf(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
