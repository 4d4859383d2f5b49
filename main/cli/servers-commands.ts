import { randomUUID } from 'node:crypto';
import type { AuthorizedEntry, Role } from '../../contract/policy.ts';
import { ROLE_LABELS } from '../../contract/labels.ts';
import { authorizeAccount } from '../../core/authorization/authorize-account.ts';
import { entryOf } from '../../core/authorization/entry-of.ts';
import { planListImport } from '../../core/authorization/plan-list-import.ts';
import type { ConnectorClient } from '../../core/connector/index.ts';
import type { Directory } from '../../core/directory/index.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { CommandResult } from './directory-commands.ts';
import { checkHeading, formatFindings } from './format-findings.ts';

const PICK_UP_NOTE = 'Connectors pick up the change within about 15 minutes.';

/** `servers list`: the live list as a table (or JSON with its version). */
export async function listServersCommand(service: ConnectorClient): Promise<CommandResult> {
  const { list } = await service.listAuthorizedAccounts();
  const header = ['Account', 'Role', 'Type', 'SID', 'Added by', 'Added on'];
  const rows = list.entries.map((entry) => [entry.name, ROLE_LABELS[entry.role], entry.kind, entry.sid, entry.addedBy, entry.addedAt.slice(0, 10)]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const human =
    list.entries.length === 0
      ? `No server is allowed to utilize the connector (list version ${String(list.version)}). Connectors refuse every server while the list is empty.`
      : [
          line(header),
          ...rows.map(line),
          '',
          `${String(list.entries.length)} entr${list.entries.length === 1 ? 'y' : 'ies'}, list version ${String(list.version)}.`,
        ].join('\n');
  return { human, json: list, exitCode: EXIT.ok };
}

/**
 * `servers add --role ROLE NAME`: resolve, judge with the live list, then write conditionally.
 *
 * Errors block; each warning must be acknowledged by code (`--acknowledge CODE`), the way
 * the console makes the admin tick each one. The write carries the version the findings
 * were judged against, so a list changed meanwhile is refused rather than overwritten.
 * The use case is core's `authorizeAccount`; this maps its outcome to text, JSON and exit code.
 */
export async function addServerCommand(
  directory: Directory,
  service: ConnectorClient,
  request: { role: Role; name: string; acknowledged: readonly string[]; connectorNodeNames: readonly string[] },
): Promise<CommandResult> {
  const netbios = directory.domain.netbiosDomain;
  const outcome = await authorizeAccount(directory, service, {
    role: request.role,
    account: { name: request.name },
    connectorHosts: { from: 'typed', names: request.connectorNodeNames },
    acknowledged: request.acknowledged,
    idempotencyKey: randomUUID(),
  });
  switch (outcome.status) {
    case 'no-answer':
      throw new CliError('INTERNAL_ERROR', 'The directory returned no answer for the name.');
    case 'unresolved':
      return { human: formatFindings(outcome.findings), json: { added: null, findings: outcome.findings }, exitCode: EXIT.unresolved };
    case 'list-changed':
      // Not reached: the CLI judges and writes in one go, against the version it read.
      throw new CliError('LIST_CHANGED', 'The list was changed meanwhile. Run the command again.');
    case 'blocked':
    case 'needs-acknowledgement': {
      const { findings, object } = outcome.judgement;
      const blocking =
        outcome.status === 'blocked'
          ? `Not added: ${outcome.codes.join(', ')} must be fixed first.`
          : `Not added: acknowledge each warning after reading it, by adding ${outcome.codes.map((code) => `--acknowledge ${code}`).join(' ')}`;
      return {
        human: [checkHeading(object, request.name, request.role, netbios), formatFindings(findings), blocking].join('\n\n'),
        json: { added: null, findings },
        exitCode: EXIT.blocked,
      };
    }
    case 'added': {
      const { findings, object } = outcome.judgement;
      const added = outcome.added.result;
      const superUsers =
        added.superUserFeatureEnabled && request.role === 'exchange'
          ? ' The super-user feature is on: every member of this entry can open all protected content.'
          : '';
      return {
        human: [
          checkHeading(object, request.name, request.role, netbios),
          ...(findings.length > 0 ? [formatFindings(findings)] : []),
          `Added ${added.entry.name} as ${ROLE_LABELS[request.role]} (list version ${String(added.version)}).${superUsers} ${PICK_UP_NOTE}`,
        ].join('\n\n'),
        json: { added, findings },
        exitCode: EXIT.ok,
      };
    }
  }
}

/** `servers remove NAME|SID [--role ROLE]`: one entry, conditionally. */
export async function removeServerCommand(service: ConnectorClient, request: { target: string; role: Role | undefined }): Promise<CommandResult> {
  const { list, etag } = await service.listAuthorizedAccounts();
  const wanted = request.target.toLowerCase();
  const matches = list.entries.filter(
    (entry) =>
      (entry.sid.toLowerCase() === wanted || entry.name.toLowerCase() === wanted || entry.name.toLowerCase().endsWith(`\\${wanted}`)) &&
      (request.role === undefined || entry.role === request.role),
  );
  const [match] = matches;
  if (!match)
    throw new CliError(
      'NOT_FOUND',
      `No entry matches "${request.target}"${request.role ? ` as ${ROLE_LABELS[request.role]}` : ''}. See rms-connector-admin servers list.`,
      EXIT.unresolved,
    );
  if (matches.length > 1)
    throw new CliError(
      'AMBIGUOUS_NAME',
      `"${request.target}" matches ${String(matches.length)} entries (${matches.map((entry) => `${entry.name} as ${ROLE_LABELS[entry.role]} (--role ${entry.role})`).join(', ')}). Add --role, or give the SID.`,
      EXIT.unresolved,
    );
  const removed = await service.removeAuthorizedAccount(match.id, { ifMatch: etag });
  const loses =
    match.role === 'exchange'
      ? 'Its members are no longer super users through this entry.'
      : 'The server can no longer use the connector to protect or open content.';
  return { human: `Removed ${match.name} (${ROLE_LABELS[match.role]}, ${match.sid}). ${loses} ${PICK_UP_NOTE}`, json: removed.result, exitCode: EXIT.ok };
}

/** `servers export`: the list as the JSON file `--list FILE` and `servers import` read. */
export async function exportServersCommand(service: ConnectorClient): Promise<CommandResult> {
  const { list } = await service.listAuthorizedAccounts();
  const entries = list.entries.map(entryOf);
  return { human: JSON.stringify(entries, null, 2), json: entries, exitCode: EXIT.ok };
}

/**
 * `servers import FILE [--yes]`: show what would change; with `--yes`, apply all of it as
 * one conditional replacement (the service applies every change or none).
 */
export async function importServersCommand(service: ConnectorClient, wanted: readonly AuthorizedEntry[], apply: boolean): Promise<CommandResult> {
  const { list, etag } = await service.listAuthorizedAccounts();
  const { toAdd, toRemove } = planListImport(list.entries, wanted);
  const diff = [
    ...toAdd.map((entry) => `+ ${entry.name} as ${ROLE_LABELS[entry.role]} (${entry.sid})`),
    ...toRemove.map((entry) => `- ${entry.name} as ${ROLE_LABELS[entry.role]} (${entry.sid})`),
  ];
  const summary = `${String(toAdd.length)} to add, ${String(toRemove.length)} to remove, ${String(wanted.length - toAdd.length)} unchanged.`;
  if (diff.length === 0) return { human: `The live list already matches the file. ${summary}`, json: { applied: false, toAdd, toRemove }, exitCode: EXIT.ok };
  if (!apply)
    return {
      human: [...diff, '', `${summary} Nothing was changed: run again with --yes to apply all of it as one change.`].join('\n'),
      json: { applied: false, toAdd, toRemove },
      exitCode: EXIT.ok,
    };
  const replaced = await service.replaceAuthorizedAccounts(wanted, { ifMatch: etag });
  return {
    human: [...diff, '', `${summary} Applied as one change (list version ${String(replaced.result.version)}). ${PICK_UP_NOTE}`].join('\n'),
    json: { applied: true, ...replaced.result },
    exitCode: EXIT.ok,
  };
}
