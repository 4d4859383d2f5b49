import type { DirectoryObject, ObjectTypeFilter, Resolution } from '../../contract/directory.ts';
import type { Directory } from '../../core/directory/index.ts';
import { CliError, EXIT } from './cli-error.ts';
import { accountLabel, formatFacts, formatMembersThrough, formatObjects, formatResolutions } from './format-object.ts';

/** What a command produced: text for people, a value for `--json`, and the exit code. */
export type CommandResult = {
  readonly human: string;
  readonly json: unknown;
  readonly exitCode: number;
  /** The command wrote its output as it went (`servers watch`), so nothing is left to print. */
  readonly alreadyWritten?: boolean;
};

/** Progress for long work; the CLI writes it to stderr when that is a terminal. */
export type Progress = (message: string) => void;

const TYPE_ALIASES: Readonly<Record<string, ObjectTypeFilter>> = {
  user: 'user',
  computer: 'computer',
  group: 'group',
  'security-group': 'security-group',
  'distribution-group': 'distribution-group',
  'service-account': 'service-account',
};

/** `directory resolve NAME...`: exit 1 when any name is not found or ambiguous. */
export async function resolveCommand(directory: Directory, names: readonly string[]): Promise<CommandResult> {
  const resolutions = await directory.resolveNames(names);
  const allResolved = resolutions.every((resolution) => resolution.status === 'resolved');
  return { human: formatResolutions(resolutions, directory.domain.netbiosDomain), json: resolutions, exitCode: allResolved ? EXIT.ok : EXIT.unresolved };
}

/** `directory search [--type T] [--base DN] QUERY`, paged, with progress per page. */
export async function searchCommand(
  directory: Directory,
  query: string,
  options: { type?: string | undefined; base?: string | undefined; limit?: number | undefined },
  progress: Progress,
): Promise<CommandResult> {
  const type = options.type === undefined ? undefined : TYPE_ALIASES[options.type];
  if (options.type !== undefined && type === undefined) {
    throw new CliError('USAGE', `Unknown --type "${options.type}". Use one of: ${Object.keys(TYPE_ALIASES).join(', ')}.`);
  }
  const found: DirectoryObject[] = [];
  for await (const page of directory.search({
    text: query,
    ...(type ? { types: [type] } : {}),
    ...(options.base === undefined ? {} : { baseDn: options.base }),
  })) {
    found.push(...page);
    progress(`${found.length.toLocaleString('en-US')} objects so far…`);
    if (options.limit !== undefined && found.length >= options.limit) break;
  }
  const netbios = directory.domain.netbiosDomain;
  // The DC returns pages in its own order; people scan a listing alphabetically.
  const objects = (options.limit === undefined ? found : found.slice(0, options.limit)).sort((left, right) =>
    accountLabel(left, netbios).localeCompare(accountLabel(right, netbios), 'en', { sensitivity: 'base' }),
  );
  return { human: `${formatObjects(objects, directory.domain.netbiosDomain)}\n${objects.length} object(s).`, json: objects, exitCode: EXIT.ok };
}

/** `directory members NAME [--transitive]`: the name must resolve to exactly one group; transitive members say through which group they come. */
export async function membersCommand(directory: Directory, name: string, transitive: boolean): Promise<CommandResult> {
  const group = await resolveOne(directory, name);
  if (group.kind !== 'group') throw new CliError('NOT_A_GROUP', `"${name}" is a ${group.kind}, not a group: only groups have members.`, EXIT.unresolved);
  const netbios = directory.domain.netbiosDomain;
  const label = accountLabel(group, netbios);
  const byName = (left: DirectoryObject, right: DirectoryObject) =>
    accountLabel(left, netbios).localeCompare(accountLabel(right, netbios), 'en', { sensitivity: 'base' });
  if (!transitive) {
    const members = (await directory.directMembers(group)).sort(byName);
    return {
      human: `${members.length} direct members of ${label}:\n${formatObjects(members, netbios)}`,
      json: { group, transitive, members },
      exitCode: EXIT.ok,
    };
  }
  const reached = (await directory.transitiveMembersThrough(group)).sort((left, right) => byName(left.object, right.object));
  const members = reached.map(({ object, through, throughPrimaryGroup }) => ({
    ...object,
    through: through.map((nested) => accountLabel(nested, netbios)),
    throughPrimaryGroup,
  }));
  const heading = `${members.length} transitive members of ${label} (nested groups and primary-group members included):`;
  return { human: `${heading}\n${formatMembersThrough(members, netbios)}`, json: { group, transitive, members }, exitCode: EXIT.ok };
}

/** `directory info NAME`: the object's facts (enabled or disabled, primary group by name) and every group it belongs to, transitively. */
export async function infoCommand(directory: Directory, name: string): Promise<CommandResult> {
  const object = await resolveOne(directory, name);
  const [groups, primaryGroup] = await Promise.all([
    directory.transitiveGroups(object),
    object.primaryGroupSid === undefined ? undefined : directory.objectBySid(object.primaryGroupSid),
  ]);
  const netbios = directory.domain.netbiosDomain;
  const groupLines =
    groups.length === 0
      ? '  (none)'
      : groups
          .map((group) => `  ${accountLabel(group, netbios)}`)
          .sort()
          .join('\n');
  return {
    human: `${formatFacts(object, netbios, primaryGroup)}\nMember of (transitively, primary group included):\n${groupLines}`,
    json: { object, groups, primaryGroup: primaryGroup ?? null },
    exitCode: EXIT.ok,
  };
}

async function resolveOne(directory: Directory, name: string): Promise<DirectoryObject> {
  const [resolution] = await directory.resolveNames([name]);
  return objectOrThrow(resolution, directory.domain.netbiosDomain);
}

function objectOrThrow(resolution: Resolution | undefined, netbiosDomain: string): DirectoryObject {
  if (resolution?.status === 'resolved') return resolution.object;
  if (resolution?.status === 'ambiguous') {
    const choices = resolution.candidates.map((candidate) => `${accountLabel(candidate, netbiosDomain)} (${candidate.inFolder})`).join('; ');
    throw new CliError(
      'AMBIGUOUS_NAME',
      `"${resolution.input}" matches ${resolution.candidates.length} objects: ${choices}. Use DOMAIN\\name, a UPN or a SID.`,
      EXIT.unresolved,
    );
  }
  throw new CliError('NAME_NOT_FOUND', `"${resolution?.input ?? ''}" was not found: ${resolution?.reason ?? ''}`, EXIT.unresolved);
}
