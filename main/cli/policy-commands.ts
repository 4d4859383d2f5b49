import { RoleSchema, type AuthorizedEntry, type Finding, type Role } from '../../contract/policy.ts';
import type { Directory } from '../../core/directory/index.ts';
import { judgeGrant } from '../../core/authorization/judge-grant.ts';
import { resolveAccount } from '../../core/authorization/resolve-account.ts';
import { gatherEntryFacts } from '../../core/policy/gather-facts.ts';
import { reviewList } from '../../core/policy/review-list.ts';
import { effectiveSuperUsers } from '../../core/policy/super-users.ts';
import { readAuthorizedList } from './authorized-list-file.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { CommandResult } from './directory-commands.ts';
import { acknowledgeHint, checkHeading, formatEntries, formatFindings, formatSuperUsers, verdictOf } from './format-findings.ts';
import { typedName } from './typed-name.ts';
import { explainCommand } from './explain-command.ts';
import { checkExplainInput } from '../../core/policy/explain-access.ts';
import { DirectoryError } from '../../core/directory/index.ts';

/** The policy commands, each a top-level command of the CLI. */
export const POLICY_COMMANDS: readonly string[] = ['check', 'super-users', 'review', 'explain'];

/** The flags the policy commands read (a subset of what parseArgs hands over). */
export type PolicyFlagValues = {
  readonly role?: string | undefined;
  readonly list?: string | undefined;
  readonly 'connector-node'?: readonly string[] | undefined;
};

/** Runs with the directory, and reads the live list from the service when no `--list` was given. */
type Run = (directory: Directory, liveList: () => Promise<AuthorizedEntry[]>) => Promise<CommandResult>;

/**
 * Validate a policy command's operands and read its list file, before any connection.
 *
 * Usage mistakes and bad list files are reported (exit 2) without touching the directory,
 * and the returned function does the directory work.
 */
export async function policyCommandFor(command: string, operands: readonly string[], values: PolicyFlagValues): Promise<Run> {
  const connectorNodeNames = (values['connector-node'] ?? []).map((name) => typedName(name, '--connector-node'));
  switch (command) {
    case 'check': {
      if (operands.length !== 1 || operands[0] === undefined)
        throw new CliError(
          'USAGE',
          `check takes exactly one NAME (quote it if it has spaces); ${operands.length} given. Example: check --role exchange "CORP\\Exchange Servers".`,
        );
      const name = typedName(operands[0], 'check NAME');
      const role = roleOf(values.role);
      const list = values.list === undefined ? [] : await readAuthorizedList(values.list);
      return (directory) => checkCommand(directory, { role, name, list, connectorNodeNames });
    }
    case 'super-users': {
      noOperands(command, operands);
      const file = values.list === undefined ? undefined : await readAuthorizedList(values.list);
      return async (directory, liveList) => superUsersCommand(directory, file ?? (await liveList()));
    }
    case 'explain': {
      if (operands.length !== 1 || operands[0] === undefined)
        throw new CliError(
          'USAGE',
          `explain takes exactly one NAME (quote it if it has spaces); ${operands.length} given. Example: explain "CORP\\FS01$" --role fci.`,
        );
      const name = typedName(operands[0], 'explain NAME');
      checkExplainInputForCli(name);
      const role = values.role === undefined ? undefined : roleOf(values.role);
      const file = values.list === undefined ? undefined : await readAuthorizedList(values.list);
      return async (directory, liveList) => explainCommand(directory, file ?? (await liveList()), name, role);
    }
    case 'review': {
      noOperands(command, operands);
      const file = values.list === undefined ? undefined : await readAuthorizedList(values.list);
      return async (directory, liveList) => reviewCommand(directory, file ?? (await liveList()), connectorNodeNames);
    }
    default:
      throw new CliError('USAGE', `Unknown command "${command}". Run rms-connector-admin --help.`);
  }
}

/**
 * `check --role ROLE NAME`: every finding for authorizing NAME; exit 1 when one is an error.
 *
 * A name that does not resolve to exactly one object is itself an error finding (NOT_FOUND,
 * AMBIGUOUS_NAME with the candidates), so scripts see one shape whatever happened.
 */
export async function checkCommand(
  directory: Directory,
  request: { role: Role; name: string; list: readonly AuthorizedEntry[]; connectorNodeNames: readonly string[] },
): Promise<CommandResult> {
  const netbios = directory.domain.netbiosDomain;
  const lookup = await resolveAccount(directory, { name: request.name });
  if (lookup.status === 'no-answer') throw new CliError('INTERNAL_ERROR', 'The directory returned no answer for the name.');
  const object = lookup.status === 'resolved' ? lookup.object : undefined;
  const findings =
    lookup.status === 'resolved'
      ? (await judgeGrant(directory, { role: request.role, object: lookup.object, list: request.list, connectorNodeNames: request.connectorNodeNames }))
          .findings
      : lookup.findings;
  const hint = acknowledgeHint(findings, request.role, request.name);
  const human = [
    checkHeading(object, request.name, request.role, netbios),
    formatFindings(findings),
    verdictOf(findings, 'this grant'),
    ...(hint ? [hint] : []),
  ].join('\n\n');
  return { human, json: { object: object ?? null, findings }, exitCode: exitCodeOf(findings) };
}

/** `super-users --list FILE`: every account an Exchange entry makes a super user, with its path. */
export async function superUsersCommand(directory: Directory, list: readonly AuthorizedEntry[]): Promise<CommandResult> {
  const netbios = directory.domain.netbiosDomain;
  const { superUsers, orphanedEntries } = await effectiveSuperUsers(directory, list);
  const exchangeEntries = list.filter((entry) => entry.role === 'exchange').length;
  const lines = [
    `${superUsers.length.toLocaleString('en-US')} effective super user(s) from ${exchangeEntries} Exchange entr${exchangeEntries === 1 ? 'y' : 'ies'}; each can open all protected content.`,
    formatSuperUsers(superUsers, netbios),
    ...(orphanedEntries.length > 0
      ? [`Exchange entries that no longer resolve (remove them):\n${orphanedEntries.map((entry) => `  ${entry.name} (${entry.sid})`).join('\n')}`]
      : []),
  ];
  return { human: lines.join('\n\n'), json: { superUsers, orphanedEntries }, exitCode: EXIT.ok };
}

/** `review --list FILE`: the auditor's view of a stored list; exit 1 when any entry has an error. */
export async function reviewCommand(directory: Directory, list: readonly AuthorizedEntry[], connectorNodeNames: readonly string[]): Promise<CommandResult> {
  const netbios = directory.domain.netbiosDomain;
  const facts = await gatherEntryFacts(directory, list, connectorNodeNames);
  const findings = reviewList(facts.entries, facts.members, facts.connectorNodes, netbios);
  const entries = facts.entries.map(({ entry, object }) => ({ ...entry, object: object ?? null }));
  const human = [
    `Review of ${list.length} entr${list.length === 1 ? 'y' : 'ies'}:`,
    formatEntries(facts.entries, netbios),
    formatFindings(findings),
    verdictOf(findings, 'the list'),
  ].join('\n\n');
  return { human, json: { entries, findings }, exitCode: exitCodeOf(findings) };
}

function exitCodeOf(findings: readonly Finding[]): number {
  return findings.some((finding) => finding.severity === 'error') ? EXIT.blocked : EXIT.ok;
}

function roleOf(value: string | undefined): Role {
  const parsed = RoleSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new CliError(
    'USAGE',
    value === undefined
      ? 'check needs --role exchange, sharepoint or fci: the role decides which rules apply.'
      : `Unknown --role "${value}". Use exchange, sharepoint or fci.`,
  );
}

/** explain's name rules, checked before anything connects (a usage error, exit 2). */
function checkExplainInputForCli(name: string): void {
  try {
    checkExplainInput(name);
  } catch (error) {
    if (error instanceof DirectoryError) throw new CliError('INVALID_INPUT', `explain NAME: ${error.message}`);
    throw error;
  }
}

function noOperands(command: string, operands: readonly string[]): void {
  if (operands.length > 0)
    throw new CliError('USAGE', `${command} takes no names, only --list FILE (or none, for the live list); remove "${operands.join(' ')}".`);
}
