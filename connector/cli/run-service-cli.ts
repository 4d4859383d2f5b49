import { DatabaseSettingError } from '../server/store/postgres/database-url.ts';
import { parseArgs } from 'node:util';
import { DirectoryError } from '../../core/directory/index.ts';
import { startService, type RunningService } from '../server/start-service.ts';
import type { ConfigStore } from '../server/store/config-store.ts';
import {
  addAdministrator,
  adminRoleOf,
  clearOnboardingGroup,
  listAdministrators,
  removeAdministrator,
  setOnboardingGroup,
  showOnboardingGroup,
  type CommandOutput,
  type PrincipalArgument,
} from './admin-commands.ts';
import { databaseOf, directoryOf, serviceConfigOf, SettingError, type SettingFlags } from './service-settings.ts';
import { SERVICE_USAGE } from './service-usage.ts';

/** Where the service command line writes, what it reads, and how it opens its store. */
export type ServiceCliIo = {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly openStore: (path: string) => Promise<ConfigStore>;
  /** `serve` hands the running node over and resolves when it should stop. */
  readonly untilStopped: (service: RunningService) => Promise<void>;
};

const FLAGS = {
  listen: { type: 'string' },
  database: { type: 'string' },
  environment: { type: 'string' },
  'tenant-url': { type: 'string' },
  'public-url': { type: 'string' },
  'node-name': { type: 'string' },
  'tls-cert': { type: 'string' },
  keytab: { type: 'string' },
  'service-principal': { type: 'string' },
  'tls-key': { type: 'string' },
  'trusted-proxies': { type: 'string' },
  heartbeat: { type: 'string' },
  'admin-recheck': { type: 'string' },
  'events-heartbeat': { type: 'string' },
  'drift-interval': { type: 'string' },
  'event-streams': { type: 'string' },
  'event-streams-per-admin': { type: 'string' },
  'ldap-timeout': { type: 'string' },
  'token-lifetime': { type: 'string' },
  'log-level': { type: 'string' },
  'ldap-url': { type: 'string' },
  'ldap-ca': { type: 'string' },
  'ldap-server-name': { type: 'string' },
  'ldap-user': { type: 'string' },
  user: { type: 'string' },
  group: { type: 'string' },
  sid: { type: 'string' },
  role: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Run one `rms-connector-service` command line and return its exit code.
 *
 * 0 done; 1 a named account or assignment was not found; 2 usage or configuration error
 * (the message names the flag or variable to fix).
 */
export async function runServiceCli(argv: readonly string[], io: ServiceCliIo): Promise<number> {
  const json = argv.includes('--json');
  try {
    const { values, positionals } = parse(argv);
    const [group, command, ...extra] = positionals;
    if (values.help === true || group === undefined || group === 'help') {
      io.stdout(SERVICE_USAGE);
      return group === undefined && values.help !== true ? 2 : 0;
    }
    if (extra.length > 0) throw new SettingError('usage', `unexpected "${extra.join(' ')}". Run rms-connector-service --help.`);
    if (group === 'serve') {
      if (command !== undefined) throw new SettingError('usage', `serve takes no operand ("${command}"). Use --listen HOST:PORT.`);
      const service = await startService(serviceConfigOf(values, io.env), { openStore: io.openStore });
      io.stderr(`rms-connector-service: listening on ${service.url}`);
      await io.untilStopped(service);
      await service.close();
      return 0;
    }
    const output = await manage(group, command, values, io);
    io.stdout(values.json === true ? JSON.stringify(output.json, null, 2) : output.human);
    return output.exitCode;
  } catch (error) {
    const { code, message, exitCode } = describe(error);
    if (json) io.stdout(JSON.stringify({ error: { code, message } }, null, 2));
    else io.stderr(`rms-connector-service: ${message}`);
    return exitCode;
  }
}

type Values = ReturnType<typeof parse>['values'];

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new SettingError('usage', `${error instanceof Error ? error.message : String(error)} Run rms-connector-service --help.`);
  }
}

async function manage(group: string, command: string | undefined, values: Values, io: ServiceCliIo): Promise<CommandOutput> {
  const run = commandOf(group, command, values, io.env);
  const store = await io.openStore(databaseOf(values, io.env));
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/** Check the command and its flags before the store is opened. */
function commandOf(group: string, command: string | undefined, values: Values, env: NodeJS.ProcessEnv): (store: ConfigStore) => Promise<CommandOutput> {
  const flags: SettingFlags = values;
  if (group === 'admins') {
    switch (command) {
      case 'add': {
        const principal = principalOf(values, false);
        const role = adminRoleOf(values.role);
        if ('sid' in principal) throw new SettingError('--sid', 'admins add takes --user or --group (the account is looked up in the directory).');
        const directory = directoryOf(flags, env);
        return (store) => addAdministrator(store, directory, principal, role);
      }
      case 'remove': {
        const target = principalOf(values, true);
        if (values.role === undefined)
          throw new SettingError('--role', 'say which role to remove: --role GlobalAdministrator or --role ConnectorAdministrator.');
        const role = adminRoleOf(values.role);
        return (store) => removeAdministrator(store, () => directoryOf(flags, env), target, role);
      }
      case 'list': {
        const role = values.role === undefined ? undefined : adminRoleOf(values.role);
        return (store) => listAdministrators(store, role);
      }
      default:
        throw new SettingError('usage', `unknown admins command "${command ?? ''}". Use add, list or remove.`);
    }
  }
  if (group === 'onboarding') {
    switch (command) {
      case 'set': {
        if (values.group === undefined) throw new SettingError('--group', 'onboarding set needs --group NAME (a security group).');
        const directory = directoryOf(flags, env);
        const name = values.group;
        return (store) => setOnboardingGroup(store, directory, name);
      }
      case 'clear':
        return (store) => clearOnboardingGroup(store);
      case 'show':
        return (store) => showOnboardingGroup(store);
      default:
        throw new SettingError('usage', `unknown onboarding command "${command ?? ''}". Use set, clear or show.`);
    }
  }
  throw new SettingError('usage', `unknown command "${group}". Run rms-connector-service --help.`);
}

function principalOf(values: Values, sidAllowed: boolean): PrincipalArgument | { readonly sid: string } {
  const given = [values.user, values.group, sidAllowed ? values.sid : undefined].filter((value) => value !== undefined);
  if (given.length !== 1) throw new SettingError('usage', `give exactly one of --user UPN, --group NAME${sidAllowed ? ' or --sid SID' : ''}.`);
  if (values.user !== undefined) return { kind: 'user', name: values.user };
  if (values.group !== undefined) return { kind: 'group', name: values.group };
  return { sid: values.sid ?? '' };
}

function describe(error: unknown): { code: string; message: string; exitCode: number } {
  if (error instanceof SettingError) return { code: 'CONFIGURATION', message: error.message, exitCode: error.exitCode };
  if (error instanceof DirectoryError) return { code: error.code, message: `directory: ${error.message}`, exitCode: 2 };
  if (error instanceof DatabaseSettingError) return { code: 'CONFIGURATION', message: error.message, exitCode: 2 };
  return { code: 'FAILED', message: error instanceof Error ? error.message : String(error), exitCode: 2 };
}
