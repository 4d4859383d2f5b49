import type { DirectoryObject } from '../../contract/directory.ts';
import type { Finding, FindingCode } from '../../contract/policy.ts';
import type { EntryFacts } from './authorization-facts.ts';
import { evaluateAuthorization } from './evaluate-authorization.ts';
import { bySeverity, finding } from './finding.ts';

/** The codes an auditor's review of a stored list reports; the rest is advice for a new grant. */
const REVIEW_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'EXCHANGE_REQUIRES_SECURITY_GROUP',
  'SUPER_USER_NON_SERVER_MEMBER',
  'SHAREPOINT_COMPUTER_NEEDS_GROUP',
  'FCI_REQUIRES_COMPUTER_ACCOUNTS',
  'FCI_GROUP_NON_COMPUTER_MEMBER',
  'DISTRIBUTION_GROUP',
  'BROAD_PRINCIPAL',
  'ALREADY_AUTHORIZED',
  'OVERLAPPING_ENTRY',
  'ACCOUNT_DISABLED',
  'CONNECTOR_HOST',
  'EMPTY_GROUP',
]);

/**
 * Run the rules over a whole stored list: orphans, overlaps, disabled and broad entries.
 *
 * Each entry is judged as if it were being added next to the entries after it, so a pair of
 * overlapping (or duplicate) entries is reported once, on the first of the two. An entry
 * whose SID no longer resolves is orphaned: it is never matched to a new account by name.
 */
export function reviewList(
  list: readonly EntryFacts[],
  members: ReadonlyMap<string, readonly DirectoryObject[]>,
  connectorNodes: readonly DirectoryObject[],
  netbiosDomain: string,
): Finding[] {
  const findings = list.flatMap((facts, index) => {
    const { entry, object } = facts;
    if (!object) {
      return [
        finding(
          'ORPHANED_ENTRY',
          `${entry.name} (${entry.sid}) no longer exists in the directory: the account was deleted. Remove the entry; a new account with the same name is a different account and is not authorized.`,
          [{ sid: entry.sid, name: entry.name }],
        ),
      ];
    }
    const judged = evaluateAuthorization({
      role: entry.role,
      object,
      members: members.get(entry.sid) ?? members.get(entry.sid.toUpperCase()) ?? [],
      list: list.slice(index + 1),
      connectorNodes,
      netbiosDomain,
    });
    return judged.filter((found) => REVIEW_CODES.has(found.code));
  });
  return bySeverity(findings);
}
