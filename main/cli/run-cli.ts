import { parseArgs } from 'node:util';
import { ConnectorError, type ConnectorClient } from '../../core/connector/index.ts';
import { connectDirectory, createDiscoveryResolver, DirectoryError, type Directory } from '../../core/directory/index.ts';
import { CliError, EXIT } from './cli-error.ts';
import { CONNECTION_FLAGS, connectionOptionsFrom, type CliEnvironment } from './connection-options.ts';
import { healthCommandFor } from './health-commands.ts';
import { typedName } from './typed-name.ts';
import { infoCommand, membersCommand, resolveCommand, searchCommand, type CommandResult } from './directory-commands.ts';
import { whoamiCommand } from './whoami-command.ts';
import { reviewSuperUsersCommand, superUsersSinceReviewCommand } from './super-users-commands.ts';
import { POLICY_COMMANDS, policyCommandFor } from './policy-commands.ts';
import { serverConfigCommandFor } from './server-config-commands.ts';
import { entryOf } from '../../core/authorization/entry-of.ts';
import { serversCommandFor } from './servers-command-line.ts';
import { administrationCommandFor } from './admins-command-line.ts';
import { openSignedInClient } from './signed-in-client.ts';
import { signInCommand, signOutCommand } from './sign-in-commands.ts';
import { USAGE } from './usage.ts';
import { usageFor, versionText } from './command-help.ts';
import { outputStyleOf, present } from './terminal-output.ts';

/** Where the command line writes, and what it reads. */
export type CliIo = CliEnvironment & {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrIsTerminal: boolean;
  /** stdout is a terminal (colour and fitting to its width); absent: a pipe. */
  readonly stdoutIsTerminal?: boolean;
  /** The terminal's width, when stdout is one. */
  readonly stdoutColumns?: number | undefined;
  /**
   * A signal that aborts on Ctrl+C, for commands that run until stopped (`servers watch`).
   *
   * Asked for only by those, so every other command keeps the default Ctrl+C (the process ends).
   */
  readonly interruption?: () => AbortSignal;
};

const COMMAND_FLAGS = {
  ...CONNECTION_FLAGS,
  json: { type: 'boolean' },
  type: { type: 'string' },
  base: { type: 'string' },
  limit: { type: 'string' },
  transitive: { type: 'boolean' },
  role: { type: 'string' },
  list: { type: 'string' },
  'connector-node': { type: 'string', multiple: true },
  'service-url': { type: 'string' },
  'service-ca': { type: 'string' },
  proxy: { type: 'string' },
  'connector-url': { type: 'string' },
  'ca-file': { type: 'string' },
  'tenant-url': { type: 'string' },
  environment: { type: 'string' },
  username: { type: 'string' },
  'service-principal': { type: 'string' },
  'since-review': { type: 'boolean' },
  version: { type: 'string' },
  acknowledge: { type: 'string', multiple: true },
  yes: { type: 'boolean' },
  profile: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What a command may use; each is opened on first use and closed after the command. */
export type CommandResources = {
  directory(): Promise<Directory>;
  service(): Promise<ConnectorClient>;
};

/** One command, checked and ready: it runs with whatever resources it asks for. */
export type CommandRun = (resources: CommandResources) => Promise<CommandResult>;

/**
 * Run one command line and return its exit code.
 *
 * Everything a command prints is built before anything is written, so a failure half-way
 * leaves no partial output: stdout gets the whole result or nothing.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let json = argv.includes('--json');
  try {
    // `--version` alone: `super-users review --version N` keeps the flag's value.
    if (argv.length === 1 && argv[0] === '--version') {
      io.stdout(versionText());
      return EXIT.ok;
    }
    const { values, positionals } = parseArguments(argv);
    json = values.json === true;
    const [group, ...rest] = positionals;
    const helpWords = group === 'help' ? rest : positionals;
    const style = outputStyleOf({ isTerminal: io.stdoutIsTerminal === true, columns: io.stdoutColumns, env: io.env }, json);
    if (values.help === true || group === undefined || group === 'help') {
      io.stdout(present((helpWords.length > 0 ? usageFor(helpWords) : undefined) ?? USAGE, style));
      return group === undefined && values.help !== true ? EXIT.failure : EXIT.ok;
    }
    const run = await commandFor(group, rest, values, io);
    const result = await withResources(values, io, run);
    if (result.alreadyWritten !== true) io.stdout(json ? JSON.stringify(result.json, null, 2) : present(result.human, style));
    return result.exitCode;
  } catch (error) {
    const { code, message, exitCode } = describeError(error);
    if (json) io.stdout(JSON.stringify({ error: { code, message } }, null, 2));
    else io.stderr(`rms-connector-admin: ${code}: ${message}`);
    return exitCode;
  }
}

type Values = ReturnType<typeof parseArguments>['values'];

function parseArguments(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: COMMAND_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError('USAGE', `${error instanceof Error ? error.message : String(error)} Run rms-connector-admin --help.`);
  }
}

/** Open the directory and the signed-in service only if the command asks, and close both after it. */
async function withResources(values: Values, io: CliIo, run: CommandRun): Promise<CommandResult> {
  let directory: Promise<Directory> | undefined;
  let service: Promise<ConnectorClient> | undefined;
  const resources: CommandResources = {
    directory: () =>
      (directory ??= connectionOptionsFrom(values, io).then((options) =>
        connectDirectory({ ...options, ...(options.dnsServer ? { resolver: createDiscoveryResolver([options.dnsServer]) } : {}) }),
      )),
    service: () => (service ??= openSignedInClient(io.env)),
  };
  try {
    return await run(resources);
  } finally {
    await Promise.all([directory?.then((open) => open.close()).catch(() => undefined), service?.then((open) => open.close()).catch(() => undefined)]);
  }
}

/** Check usage and read input files before connecting, so mistakes cost no connection. */
async function commandFor(group: string, rest: readonly string[], values: Values, io: CliIo): Promise<CommandRun> {
  if (group === 'directory') {
    const run = directoryCommandFor(rest[0], rest.slice(1), values, io);
    return async (resources) => run(await resources.directory());
  }
  if (group === 'super-users' && (rest[0] === 'review' || values['since-review'] === true)) return superUsersServiceCommandFor(rest, values);
  if (POLICY_COMMANDS.includes(group)) {
    const run = await policyCommandFor(group, rest, values);
    const liveList = async (resources: CommandResources) => (await (await resources.service()).listAuthorizedAccounts()).list.entries.map(entryOf);
    // Without --list the live list is read before the directory, so "not signed in" is said first.
    const needsLiveList = values.list === undefined && group !== 'check';
    return async (resources) => {
      const live = needsLiveList ? await liveList(resources) : undefined;
      return run(await resources.directory(), async () => live ?? liveList(resources));
    };
  }
  if (group === 'sign-in' || group === 'sign-out') {
    if (rest.length > 0) throw new CliError('USAGE', `${group} takes no operands; remove "${rest.join(' ')}".`);
    return group === 'sign-in' ? () => signInCommand(values, io) : () => signOutCommand(io);
  }
  if (group === 'servers') return serversCommandFor(rest[0], rest.slice(1), values, io);
  if (group === 'admins' || group === 'onboarding') return administrationCommandFor(group, rest, values.role);
  if (group === 'server-config') return serverConfigCommandFor(rest, values, io.env);
  if (group === 'health') return healthCommandFor(rest, values, io.stderrIsTerminal && values.json !== true ? io.stderr : undefined);
  throw new CliError('USAGE', `Unknown command "${group}". Run rms-connector-admin --help.`);
}

function directoryCommandFor(
  command: string | undefined,
  operands: readonly string[],
  values: Values,
  io: CliIo,
): (directory: Directory) => Promise<CommandResult> {
  const one = (what: string) => {
    if (operands.length !== 1 || operands[0] === undefined)
      throw new CliError('USAGE', `directory ${command ?? ''} takes exactly one ${what}; ${operands.length} given.`);
    return typedName(operands[0], `directory ${command ?? ''} ${what}`);
  };
  switch (command) {
    case 'resolve': {
      if (operands.length === 0)
        throw new CliError('USAGE', 'directory resolve needs at least one name, for example: directory resolve "CORP\\Exchange Servers".');
      const names = operands.map((name, index) =>
        typedName(name, operands.length === 1 ? 'directory resolve NAME' : `directory resolve NAME ${String(index + 1)}`),
      );
      return (directory) => resolveCommand(directory, names);
    }
    case 'search': {
      if (operands.length > 1) throw new CliError('USAGE', 'directory search takes one QUERY (quote it if it has spaces).');
      const query = typedName(operands[0] ?? '', 'directory search QUERY', 'the search text');
      const limit = values.limit === undefined ? undefined : Number(values.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
        throw new CliError('USAGE', `--limit must be a positive whole number, not "${values.limit ?? ''}".`);
      const progress =
        io.stderrIsTerminal && values.json !== true
          ? (message: string) => {
              io.stderr(`\r${message}`);
            }
          : () => undefined;
      return (directory) => searchCommand(directory, query, { type: values.type, base: values.base, limit }, progress);
    }
    case 'members': {
      const name = one('group name');
      return (directory) => membersCommand(directory, name, values.transitive === true);
    }
    case 'info': {
      const name = one('name');
      return (directory) => infoCommand(directory, name);
    }
    case 'whoami': {
      if (operands.length > 0) throw new CliError('USAGE', 'directory whoami takes no names: it shows the account this connection is bound as.');
      return (directory) => whoamiCommand(directory);
    }
    default:
      throw new CliError('USAGE', `Unknown directory command "${command ?? ''}". Use resolve, search, members, info or whoami.`);
  }
}

/** `super-users --since-review` and `super-users review`: the service's snapshot, no directory. */
function superUsersServiceCommandFor(rest: readonly string[], values: Values): CommandRun {
  if (rest[0] === 'review') {
    if (rest.length > 1 || values['since-review'] === true || values.list !== undefined)
      throw new CliError('USAGE', 'super-users review takes only --version N (the version super-users --since-review --json showed).');
    return async (resources) => reviewSuperUsersCommand(await resources.service(), values.version);
  }
  if (rest.length > 0 || values.list !== undefined || values.version !== undefined)
    throw new CliError('USAGE', "super-users --since-review reads the service's snapshot: it takes no names, no --list and no --version.");
  return async (resources) => superUsersSinceReviewCommand(await resources.service());
}

function describeError(error: unknown): { code: string; message: string; exitCode: number } {
  if (error instanceof CliError) return { code: error.code, message: error.message, exitCode: error.exitCode };
  if (error instanceof DirectoryError) return { code: error.code, message: error.message, exitCode: EXIT.failure };
  if (error instanceof ConnectorError) return { code: error.code, message: error.message, exitCode: EXIT.failure };
  return { code: 'INTERNAL_ERROR', message: `Unexpected error: ${error instanceof Error ? error.message : String(error)}`, exitCode: EXIT.failure };
}
