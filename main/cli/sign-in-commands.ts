import { CloudEnvironmentSchema, type CloudEnvironment } from '../../contract/connector-api/index.ts';
import { createConnectorClient } from '../../core/connector/index.ts';
import { servicePrincipalName } from '../../core/kerberos/index.ts';
import { readCaFileOption } from './ca-file-option.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { CliEnvironment } from './connection-options.ts';
import type { CommandResult } from './directory-commands.ts';
import { removeSession, sessionFilePath, writeSession } from './session-file.ts';

/** The flags `sign-in` reads. */
export type SignInFlags = {
  readonly 'service-url'?: string | undefined;
  readonly 'service-ca'?: string | undefined;
  readonly proxy?: string | undefined;
  readonly environment?: string | undefined;
  readonly username?: string | undefined;
  readonly 'password-stdin'?: boolean | undefined;
  readonly password?: string | undefined;
  readonly kerberos?: boolean | undefined;
  readonly 'service-principal'?: string | undefined;
};

/**
 * `sign-in`: verify the admin with the service and keep the short-lived token for the
 * commands that follow, in a file only this user can read.
 */
export async function signInCommand(flags: SignInFlags, io: CliEnvironment): Promise<CommandResult> {
  if (flags.password !== undefined)
    throw new CliError(
      'USAGE',
      'Passwords are not accepted as a flag (they would show in the process list). Use --password-stdin or RMSADMIN_SERVICE_PASSWORD.',
    );
  const serviceUrl = flags['service-url'] ?? io.env.RMSADMIN_SERVICE_URL;
  if (serviceUrl === undefined)
    throw new CliError('USAGE', 'No service given. Pass --service-url https://rmsconnector.contoso.com:8443 (or set RMSADMIN_SERVICE_URL).');
  const environment = environmentOf(flags.environment ?? io.env.RMSADMIN_ENVIRONMENT ?? 'AzureCloud');
  const credentials = await credentialsOf(flags, io);
  if (credentials.kind === 'kerberos' && credentials.servicePrincipal === undefined) requireDnsName(serviceUrl);
  const caFile = flags['service-ca'] ?? io.env.RMSADMIN_SERVICE_CA;
  const caPem = caFile ? await readCaFileOption(caFile) : undefined;
  const client = createConnectorClient({
    baseUrl: serviceUrl,
    ...(caPem === undefined ? {} : { caPem }),
    ...(flags.proxy ? { proxy: { url: flags.proxy } } : {}),
    env: io.env,
  });
  try {
    const { token, expiresAt } =
      credentials.kind === 'kerberos'
        ? await client.signInWithKerberos({ environment, ...(credentials.servicePrincipal ? { servicePrincipal: credentials.servicePrincipal } : {}) })
        : await client.signIn({ environment, username: credentials.username, password: credentials.password });
    const session = await client.withToken(token).session();
    await writeSession(sessionFilePath(io.env), {
      serviceUrl,
      environment,
      username: session.name,
      token,
      expiresAt,
      ...(caFile ? { caFile } : {}),
      ...(flags.proxy ? { proxy: flags.proxy } : {}),
    });
    const how = credentials.kind === 'kerberos' ? ' with Kerberos' : '';
    return {
      human: `Signed in to ${serviceUrl} (${environment}) as ${session.name}${how}, ${session.roles.join(' and ')}, until ${expiresAt}.`,
      json: { serviceUrl, environment, name: session.name, roles: session.roles, expiresAt, method: credentials.kind },
      exitCode: EXIT.ok,
    };
  } finally {
    await client.close();
  }
}

type SignInCredentials =
  | { readonly kind: 'password'; readonly username: string; readonly password: string }
  | { readonly kind: 'kerberos'; readonly servicePrincipal: string | undefined };

/**
 * A password (from standard input or RMSADMIN_SERVICE_PASSWORD), or with `--kerberos` (or
 * RMSADMIN_SERVICE_AUTH=kerberos) the current Kerberos ticket: then no user and no password is
 * read, and `--service-principal` names the node's principal when the URL's host cannot (an IP).
 */
async function credentialsOf(flags: SignInFlags, io: CliEnvironment): Promise<SignInCredentials> {
  const auth = io.env.RMSADMIN_SERVICE_AUTH?.trim().toLowerCase();
  if (auth !== undefined && auth !== '' && auth !== 'password' && auth !== 'kerberos') {
    throw new CliError('USAGE', `RMSADMIN_SERVICE_AUTH must be kerberos or password, not "${io.env.RMSADMIN_SERVICE_AUTH ?? ''}".`);
  }
  const servicePrincipal = flags['service-principal'] ?? io.env.RMSADMIN_SERVICE_PRINCIPAL;
  if (flags.kerberos === true || auth === 'kerberos') {
    if (flags.username !== undefined || flags['password-stdin'] === true) {
      throw new CliError('USAGE', '--kerberos signs in as the holder of your Kerberos ticket: leave out --username and --password-stdin.');
    }
    return { kind: 'kerberos', servicePrincipal };
  }
  if (flags['service-principal'] !== undefined) throw new CliError('USAGE', '--service-principal is for --kerberos sign-in only.');
  const username = flags.username ?? io.env.RMSADMIN_SERVICE_USER;
  if (username === undefined || username === '')
    throw new CliError(
      'USAGE',
      'No user given. Pass --username admin@contoso.com (or set RMSADMIN_SERVICE_USER), or use --kerberos to sign in with your Kerberos ticket.',
    );
  const password = flags['password-stdin'] === true ? (await io.readStdin()).replace(/\r?\n$/, '') : io.env.RMSADMIN_SERVICE_PASSWORD;
  if (password === undefined || password === '')
    throw new CliError('USAGE', 'No password given. Pipe it to --password-stdin, or set RMSADMIN_SERVICE_PASSWORD.');
  return { kind: 'password', username, password };
}

/** Without --service-principal, Kerberos names the node after the URL's host: it must be a DNS name. */
function requireDnsName(serviceUrl: string): void {
  const host = URL.canParse(serviceUrl) ? new URL(serviceUrl).hostname : '';
  try {
    servicePrincipalName('HTTP', host);
  } catch {
    throw new CliError(
      'USAGE',
      `The service URL names the node "${host}", which is no DNS name a Kerberos principal can carry. Use the node's name in the URL (https://rmscon01.contoso.com:8443), or pass --service-principal HTTP/rmscon01.contoso.com.`,
    );
  }
}

/** `sign-out`: forget the token (it also stops working by itself when it expires). */
export async function signOutCommand(io: CliEnvironment): Promise<CommandResult> {
  const removed = await removeSession(sessionFilePath(io.env));
  return { human: removed ? 'Signed out: the saved token was deleted.' : 'Not signed in; nothing to delete.', json: { signedOut: removed }, exitCode: EXIT.ok };
}

function environmentOf(text: string): CloudEnvironment {
  const parsed = CloudEnvironmentSchema.safeParse(text);
  if (!parsed.success) throw new CliError('USAGE', `Unknown --environment "${text}". Use one of ${CloudEnvironmentSchema.options.join(', ')}.`);
  return parsed.data;
}
