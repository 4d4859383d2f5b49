import type { DirectoryObject } from '../../contract/directory.ts';
import type { Finding, Role, Severity } from '../../contract/policy.ts';
import type { EntryFacts } from '../../core/policy/authorization-facts.ts';
import type { SuperUser } from '../../core/policy/super-users.ts';
import { FINDING_TITLES } from '../../contract/labels.ts';
import { accountLabel, formatTable, kindLabel } from './format-object.ts';

/** How roles are named to an admin (as in the connector's role choice). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = { exchange: 'Exchange Server', sharepoint: 'SharePoint Server', fci: 'File server using FCI' };

const HEADINGS: Readonly<Record<Severity, string>> = {
  error: 'Errors (these block saving)',
  warning: 'Warnings (acknowledge each code before saving)',
  info: 'Information',
};
/** A broad group can put thousands of accounts in one finding; the terminal shows the first ones, --json has all. */
const ACCOUNTS_SHOWN = 20;

/**
 * Findings grouped by severity, each with its code, message and accounts.
 *
 * Grouping follows what the admin must do: fix errors, acknowledge warnings by code, read
 * the rest.
 */
export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings.';
  const sections = (['error', 'warning', 'info'] as const).flatMap((severity) => {
    const found = findings.filter((finding) => finding.severity === severity);
    if (found.length === 0) return [];
    return [`${HEADINGS[severity]}:\n${found.map(formatFinding).join('\n')}`];
  });
  return sections.join('\n\n');
}

function formatFinding(finding: Finding): string {
  const sorted = [...finding.accounts].sort((left, right) => left.name.localeCompare(right.name));
  const shown = sorted.slice(0, ACCOUNTS_SHOWN).map((account) => `      ${account.name}`);
  const more =
    finding.accounts.length > ACCOUNTS_SHOWN
      ? [`      … and ${(finding.accounts.length - ACCOUNTS_SHOWN).toLocaleString('en-US')} more (use --json for all)`]
      : [];
  return [`  ${finding.code}: ${FINDING_TITLES[finding.code]}`, `    ${finding.message}`, ...shown, ...more].join('\n');
}

/**
 * The closing line of a check or review: can this be saved, and what is left to do.
 *
 * Scripts use the exit code; people read this line.
 */
export function verdictOf(findings: readonly Finding[], subject: string): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (errors > 0) return `Result: ${errors} error${errors === 1 ? '' : 's'}: ${subject} cannot be saved until ${errors === 1 ? 'it is' : 'they are'} fixed.`;
  if (warnings > 0) return `Result: no errors; ${warnings} warning${warnings === 1 ? '' : 's'} to acknowledge before ${subject} is saved.`;
  return `Result: nothing stands in the way of ${subject}.`;
}

/**
 * After a check: the command that adds the grant with its warnings acknowledged.
 *
 * Only when nothing blocks it (errors cannot be acknowledged) and there is a warning; the
 * name is quoted for a POSIX shell, as the admin will paste it.
 */
export function acknowledgeHint(findings: readonly Finding[], role: Role, name: string): string | undefined {
  if (findings.some((finding) => finding.severity === 'error')) return undefined;
  const codes = [...new Set(findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.code))];
  if (codes.length === 0) return undefined;
  const quoted = /^[\w@.$-]+$/.test(name) ? name : `'${name.replaceAll("'", "'\\''")}'`;
  return `To add it after reading each warning: rms-connector-admin servers add --role ${role} ${quoted} ${codes.map((code) => `--acknowledge ${code}`).join(' ')}`;
}

/** The heading of a check: which object, of what type, for which role. */
export function checkHeading(object: DirectoryObject | undefined, input: string, role: Role, netbiosDomain: string): string {
  if (!object) return `Check of "${input}" for the ${ROLE_LABELS[role]} role`;
  return `Check of ${accountLabel(object, netbiosDomain)} (${kindLabel(object)}, In Folder ${object.inFolder}) for the ${ROLE_LABELS[role]} role`;
}

/** The reviewed list, one line per entry, names refreshed from the directory. */
export function formatEntries(entries: readonly EntryFacts[], netbiosDomain: string): string {
  if (entries.length === 0) return 'The list is empty.';
  const rows = entries.map(({ entry, object }) => [
    object ? accountLabel(object, netbiosDomain) : entry.name,
    ROLE_LABELS[entry.role],
    object ? kindLabel(object) : 'no longer in the directory',
    entry.sid,
  ]);
  return formatTable([['Account', 'Role', 'Type', 'SID'], ...rows]);
}

/** Effective super users: one line per account and granting entry, with the group path. */
export function formatSuperUsers(superUsers: readonly SuperUser[], netbiosDomain: string): string {
  if (superUsers.length === 0) return 'No account is a super user through the connector.';
  const rows = superUsers.flatMap(({ account, grants }) =>
    grants.map((grant, index) => [
      index === 0 ? accountLabel(account, netbiosDomain) : '',
      index === 0 ? kindLabel(account) : '',
      grant.entry.name,
      grant.path.length === 0 ? '(authorized directly)' : `${grant.path.join(' > ')}${grant.throughPrimaryGroup ? ' (primary group)' : ''}`,
    ]),
  );
  return formatTable([['Account', 'Type', 'Exchange entry', 'Through groups'], ...rows]);
}
