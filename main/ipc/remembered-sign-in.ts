import type { SessionSummary } from '../../contract/console-session.ts';
import { ConnectorError } from '../../core/connector/index.ts';
import { DirectoryError } from '../../core/directory/index.ts';
import type { CaFileRegistry } from './ca-file-registry.ts';
import type { ConsoleDependencies } from './console-dependencies.ts';
import type { VaultStatus } from './console-ports.ts';
import { consoleFailure } from './console-failure.ts';
import type { ParsedRequest } from './handler-types.ts';
import type { SessionState } from './session-state.ts';

type SignInRequest = ParsedRequest<'session:sign-in'>;
/** A sign-in with a password (typed or remembered); the Kerberos form goes to `signInWithTicket`. */
export type PasswordSignInRequest = Exclude<SignInRequest, { method: 'kerberos' }>;

/** Where no vault was handed over (the browser harness, the CLI): why the option is off. */
export const NO_VAULT: VaultStatus = { available: false, reason: 'This console was started without protected password storage.' };

/** The codes that mean "this password is wrong or no longer valid", as the service and the DC say it. */
const REFUSED_PASSWORD_CODES: ReadonlySet<string> = new Set(['BAD_CREDENTIALS', 'INVALID_CREDENTIALS', 'PASSWORD_EXPIRED']);

/**
 * Sign in as the sign-in screen asked: typed or remembered password, remembering on request.
 *
 * Order matters for "change nothing on failure": asking to remember where the vault cannot
 * protect a password is refused before anything is opened; the profile and the vault are
 * written only after the sign-in succeeded. A remembered password the service or the
 * directory refuses is forgotten (it would fail again and count towards a lockout) and the
 * answer asks for the password to be typed. Failing to save the profile never fails a
 * sign-in that worked: it is logged, without the password. The CA file is the one main holds
 * under the request's id, read here (a refusal says nothing about why).
 */
export async function signInAsAsked(
  dependencies: ConsoleDependencies,
  sessions: SessionState,
  request: PasswordSignInRequest,
  signal: AbortSignal,
  caFiles: CaFileRegistry,
): Promise<SessionSummary> {
  const vault = dependencies.vault;
  if (request.rememberPassword === true) {
    const status = vault === undefined ? NO_VAULT : await vault.status();
    if (!status.available) {
      throw consoleFailure(
        'PASSWORD_STORAGE_UNAVAILABLE',
        'Your password cannot be remembered here',
        `${status.reason} Clear "Remember my password" to sign in without remembering it. Nothing was changed.`,
      );
    }
  }
  const password = request.useRememberedPassword === true ? await rememberedPassword(dependencies, request.username) : request.password;
  if (password === undefined) throw consoleFailure('INVALID_REQUEST', 'The request is not valid', 'Type the password.');
  const { caFileId, ...settings } = request.directory;
  const caPem = caFileId === undefined ? undefined : await caFiles.pem(caFileId, signal);
  const connection = { environment: request.environment, serviceUrl: request.serviceUrl, username: request.username, directory: settings };
  let summary: SessionSummary;
  try {
    summary = await sessions.signIn({ ...connection, ...(caPem === undefined ? {} : { directoryCaPem: caPem }), password, demo: false }, signal);
  } catch (error) {
    if (request.useRememberedPassword === true && isRefusedPassword(error)) {
      await vault?.forget();
      throw consoleFailure(
        'REMEMBERED_PASSWORD_REFUSED',
        'The remembered password was refused',
        `The remembered password for ${request.username} was refused; it may have been changed. It has been forgotten: type your password to sign in.`,
      );
    }
    throw error;
  }
  await saveAfterSignIn(dependencies, request, password, caFileId === undefined ? undefined : caFiles.pathOf(caFileId));
  return summary;
}

async function rememberedPassword(dependencies: ConsoleDependencies, username: string): Promise<string> {
  const password = await dependencies.vault?.recall(username);
  if (password === undefined) {
    throw consoleFailure(
      'NO_REMEMBERED_PASSWORD',
      'No password is remembered',
      `No password is remembered for ${username} on this computer (or it could no longer be read). Type your password.`,
    );
  }
  return password;
}

function isRefusedPassword(error: unknown): boolean {
  return (error instanceof ConnectorError || error instanceof DirectoryError) && REFUSED_PASSWORD_CODES.has(error.code);
}

async function saveAfterSignIn(dependencies: ConsoleDependencies, request: PasswordSignInRequest, password: string, caFile: string | undefined): Promise<void> {
  const log = dependencies.log ?? (() => undefined);
  await rememberConnection(dependencies, request, request.username, caFile);
  const vault = dependencies.vault;
  if (vault === undefined) return;
  try {
    if (request.rememberPassword === true && request.password !== undefined) await vault.store(request.username, password);
    if (request.rememberPassword === false) await vault.forget();
  } catch (error) {
    log({ event: 'password-vault-failed', reason: reasonOf(error) });
  }
}

/**
 * Remember the connection after a successful sign-in (never a password).
 *
 * Failing to save is logged and never fails a sign-in that worked.
 */
export async function rememberConnection(
  dependencies: ConsoleDependencies,
  request: Pick<SignInRequest, 'environment' | 'serviceUrl' | 'directory'>,
  username: string,
  caFile: string | undefined,
): Promise<void> {
  const settings = request.directory;
  // Every field but bindPassword, named one by one so a new secret field is not remembered by accident.
  const directory = {
    mode: settings.mode,
    transport: settings.transport,
    ...(settings.domain === undefined ? {} : { domain: settings.domain }),
    ...(settings.serverUrl === undefined ? {} : { serverUrl: settings.serverUrl }),
    ...(caFile === undefined ? {} : { caFile }),
    ...(settings.serverName === undefined ? {} : { serverName: settings.serverName }),
    ...(settings.bindUser === undefined ? {} : { bindUser: settings.bindUser }),
  };
  try {
    await dependencies.profiles.remember({ environment: request.environment, serviceUrl: request.serviceUrl, username, directory });
  } catch (error) {
    dependencies.log?.({ event: 'profile-save-failed', reason: reasonOf(error) });
  }
}

/** An error's kind for a log line: its code or name, never its message (which might quote input). */
function reasonOf(error: unknown): string {
  if (error instanceof Error) return 'code' in error && typeof error.code === 'string' ? error.code : error.name;
  return typeof error;
}
