import { CloudEnvironmentSchema, type CloudEnvironment } from '../../contract/connector-api/index.ts';
import { createConnectorClient } from '../../core/connector/index.ts';
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
  const username = flags.username ?? io.env.RMSADMIN_SERVICE_USER;
  if (username === undefined || username === '')
    throw new CliError('USAGE', 'No user given. Pass --username admin@contoso.com (or set RMSADMIN_SERVICE_USER).');
  const password = flags['password-stdin'] === true ? (await io.readStdin()).replace(/\r?\n$/, '') : io.env.RMSADMIN_SERVICE_PASSWORD;
  if (password === undefined || password === '')
    throw new CliError('USAGE', 'No password given. Pipe it to --password-stdin, or set RMSADMIN_SERVICE_PASSWORD.');
  const caFile = flags['service-ca'] ?? io.env.RMSADMIN_SERVICE_CA;
  const caPem = caFile ? await readCaFileOption(caFile) : undefined;
  const client = createConnectorClient({
    baseUrl: serviceUrl,
    ...(caPem === undefined ? {} : { caPem }),
    ...(flags.proxy ? { proxy: { url: flags.proxy } } : {}),
    env: io.env,
  });
  try {
    const { token, expiresAt } = await client.signIn({ environment, username, password });
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
    return {
      human: `Signed in to ${serviceUrl} (${environment}) as ${session.name}, ${session.roles.join(' and ')}, until ${expiresAt}.`,
      json: { serviceUrl, environment, name: session.name, roles: session.roles, expiresAt },
      exitCode: EXIT.ok,
    };
  } finally {
    await client.close();
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
