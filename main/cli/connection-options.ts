import type { ConnectOptions, KerberosConnectOptions } from '../../core/directory/index.ts';
import { CliError } from './cli-error.ts';

/** Connection flags shared by every `directory` command (parseArgs option table). */
export const CONNECTION_FLAGS = {
  url: { type: 'string' },
  domain: { type: 'string' },
  starttls: { type: 'boolean' },
  ca: { type: 'string' },
  'server-name': { type: 'string' },
  user: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  password: { type: 'string' },
  'global-catalog': { type: 'boolean' },
  timeout: { type: 'string' },
  'dns-server': { type: 'string' },
  kerberos: { type: 'boolean' },
} as const;

/** The flag values parseArgs hands over for {@link CONNECTION_FLAGS}. */
export type ConnectionFlagValues = {
  url?: string | undefined;
  domain?: string | undefined;
  starttls?: boolean | undefined;
  ca?: string | undefined;
  'server-name'?: string | undefined;
  user?: string | undefined;
  'password-stdin'?: boolean | undefined;
  password?: string | undefined;
  'global-catalog'?: boolean | undefined;
  timeout?: string | undefined;
  'dns-server'?: string | undefined;
  kerberos?: boolean | undefined;
};

/** Where the command line reads what it does not get as flags. */
export type CliEnvironment = { readonly env: NodeJS.ProcessEnv; readonly readStdin: () => Promise<string> };

/** The directory options a command line gives: everything but the DNS resolver, plus the DNS server to ask. */
export type CliConnectOptions = (Omit<ConnectOptions, 'resolver'> | Omit<KerberosConnectOptions, 'resolver'>) & { dnsServer?: string };

/**
 * Build connection options from flags first, then `RMSADMIN_LDAP_*` variables.
 *
 * The password never comes from a flag (it would show in the process list and shell
 * history): `--password-stdin` or `RMSADMIN_LDAP_PASSWORD` only. With `--kerberos` (or
 * `RMSADMIN_LDAP_AUTH=kerberos`) the bind uses the current Kerberos ticket and no account or
 * password is read at all.
 */
export async function connectionOptionsFrom(flags: ConnectionFlagValues, environment: CliEnvironment): Promise<CliConnectOptions> {
  if (flags.password !== undefined) {
    throw new CliError('USAGE', 'Passwords are not accepted as a flag (they would show in the process list). Use --password-stdin or RMSADMIN_LDAP_PASSWORD.');
  }
  const env = environment.env;
  const kerberos = usesKerberos(flags, env);
  const url = flags.url ?? env.RMSADMIN_LDAP_URL;
  const domain = flags.domain ?? env.RMSADMIN_LDAP_DOMAIN;
  if (url === undefined && domain === undefined) {
    throw new CliError(
      'USAGE',
      'No directory given. Pass --url ldaps://dc01.contoso.com (or set RMSADMIN_LDAP_URL), or --domain contoso.com to discover domain controllers.',
    );
  }
  const timeoutSeconds = flags.timeout === undefined ? undefined : Number(flags.timeout);
  if (timeoutSeconds !== undefined && (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > 300)) {
    throw new CliError('USAGE', `--timeout must be a number of seconds between 1 and 300, not "${flags.timeout ?? ''}".`);
  }
  const dnsServer = flags['dns-server'];
  const target = {
    url,
    domain,
    transport: flags.starttls === true ? 'starttls' : 'ldaps',
    caFile: flags.ca ?? env.RMSADMIN_LDAP_CA,
    serverName: flags['server-name'] ?? env.RMSADMIN_LDAP_SERVERNAME,
    globalCatalog: flags['global-catalog'] === true,
    timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
    ...(dnsServer === undefined ? {} : { dnsServer }),
  } as const;
  if (kerberos) {
    if (flags.user !== undefined || flags['password-stdin'] === true) {
      throw new CliError(
        'USAGE',
        '--kerberos signs in as the holder of your Kerberos ticket: leave out --user and --password-stdin (or drop --kerberos to bind with a password).',
      );
    }
    return { ...target, kerberos: true };
  }
  const user = flags.user ?? env.RMSADMIN_LDAP_USER;
  if (user === undefined || user === '') throw new CliError('USAGE', 'No bind account given. Pass --user admin@contoso.com (or set RMSADMIN_LDAP_USER).');
  const password = flags['password-stdin'] === true ? (await environment.readStdin()).replace(/\r?\n$/, '') : env.RMSADMIN_LDAP_PASSWORD;
  if (password === undefined) {
    throw new CliError(
      'USAGE',
      'No password given. Pipe it to --password-stdin, or set RMSADMIN_LDAP_PASSWORD; or use --kerberos to sign in with your Kerberos ticket.',
    );
  }
  return { ...target, user, password };
}

/** `--kerberos`, or `RMSADMIN_LDAP_AUTH=kerberos`; any other value of the variable is a usage error. */
function usesKerberos(flags: ConnectionFlagValues, env: NodeJS.ProcessEnv): boolean {
  if (flags.kerberos === true) return true;
  const auth = env.RMSADMIN_LDAP_AUTH?.trim().toLowerCase();
  if (auth === undefined || auth === '' || auth === 'password') return false;
  if (auth === 'kerberos') return true;
  throw new CliError('USAGE', `RMSADMIN_LDAP_AUTH must be kerberos or password, not "${env.RMSADMIN_LDAP_AUTH ?? ''}".`);
}
