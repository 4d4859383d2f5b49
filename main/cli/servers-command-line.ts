import { RoleSchema, type Role } from '../../contract/policy.ts';
import { readAuthorizedList } from './authorized-list-file.ts';
import { CliError } from './cli-error.ts';
import type { CommandRun } from './run-cli.ts';
import { addServerCommand, exportServersCommand, importServersCommand, listServersCommand, removeServerCommand } from './servers-commands.ts';
import { typedName } from './typed-name.ts';
import { watchChangesCommand, type WatchOutput } from './watch-command.ts';

/** The flags the `servers` commands read. */
export type ServersFlags = {
  readonly role?: string | undefined;
  readonly acknowledge?: readonly string[] | undefined;
  readonly yes?: boolean | undefined;
  readonly 'connector-node'?: readonly string[] | undefined;
  readonly json?: boolean | undefined;
};

/** What `servers watch` needs of the process: its output streams and Ctrl+C. */
export type ServersIo = WatchOutput & { readonly interruption?: () => AbortSignal };

/**
 * Check a `servers` command line and read its input file before anything connects.
 *
 * `list`, `remove`, `export`, `import` and `watch` need only the signed-in service; `add` also needs
 * the directory, because the policy judges the object before the service is asked.
 */
export async function serversCommandFor(command: string | undefined, operands: readonly string[], flags: ServersFlags, io: ServersIo): Promise<CommandRun> {
  const none = () => {
    if (operands.length > 0) throw new CliError('USAGE', `servers ${command ?? ''} takes no operands; remove "${operands.join(' ')}".`);
  };
  const one = (what: string) => {
    if (operands.length !== 1 || operands[0] === undefined)
      throw new CliError('USAGE', `servers ${command ?? ''} takes exactly one ${what} (quote it if it has spaces); ${String(operands.length)} given.`);
    return operands[0];
  };
  switch (command) {
    case 'list':
      none();
      return async (resources) => listServersCommand(await resources.service());
    case 'add': {
      const name = typedName(one('NAME'), 'servers add NAME');
      const role = roleOf(flags.role, true);
      if (!role) throw new CliError('USAGE', 'servers add needs --role exchange, sharepoint or fci.');
      const connectorNodeNames = (flags['connector-node'] ?? []).map((node) => typedName(node, '--connector-node'));
      const request = { role, name, acknowledged: [...(flags.acknowledge ?? [])], connectorNodeNames };
      return async (resources) => addServerCommand(await resources.directory(), await resources.service(), request);
    }
    case 'remove': {
      const target = typedName(one('NAME or SID'), 'servers remove NAME');
      const role = roleOf(flags.role, false);
      return async (resources) => removeServerCommand(await resources.service(), { target, role });
    }
    case 'export':
      none();
      return async (resources) => exportServersCommand(await resources.service());
    case 'import': {
      const entries = await readAuthorizedList(one('FILE'));
      const apply = flags.yes === true;
      return async (resources) => importServersCommand(await resources.service(), entries, apply);
    }
    case 'watch': {
      none();
      const json = flags.json === true;
      return async (resources) => {
        const service = await resources.service();
        // Ctrl+C is caught only once the service is open: before, it ends the process as usual.
        const signal = io.interruption?.() ?? new AbortController().signal;
        return watchChangesCommand(service, io, { json, signal });
      };
    }
    default:
      throw new CliError('USAGE', `Unknown servers command "${command ?? ''}". Use list, add, remove, export, import or watch.`);
  }
}

function roleOf(value: string | undefined, required: boolean): Role | undefined {
  if (value === undefined) {
    if (required) throw new CliError('USAGE', 'servers add needs --role exchange, sharepoint or fci: the role decides which rules apply.');
    return undefined;
  }
  const parsed = RoleSchema.safeParse(value);
  if (!parsed.success) throw new CliError('USAGE', `Unknown --role "${value}". Use exchange, sharepoint or fci.`);
  return parsed.data;
}
