import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { CloudEnvironmentSchema } from '../../contract/connector-api/index.ts';
import { CliError } from './cli-error.ts';

/** What `sign-in` keeps between commands: where the service is and the short-lived token. */
export const StoredSessionSchema = z
  .object({
    serviceUrl: z.string(),
    environment: CloudEnvironmentSchema,
    username: z.string(),
    token: z.string(),
    expiresAt: z.iso.datetime(),
    caFile: z.string().optional(),
    proxy: z.string().optional(),
  })
  .strict();
/** See {@link StoredSessionSchema}. */
export type StoredSession = z.infer<typeof StoredSessionSchema>;

/** `RMSADMIN_SESSION_FILE`, else `$XDG_CONFIG_HOME/rms-connector-admin/session.json` (`~/.config` by default). */
export function sessionFilePath(env: NodeJS.ProcessEnv): string {
  if (env.RMSADMIN_SESSION_FILE) return env.RMSADMIN_SESSION_FILE;
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'rms-connector-admin', 'session.json');
}

/**
 * Write the session so only the user can read it: folder 0700, file 0600, replaced
 * atomically (a crash leaves the old file or the new one, never half of either).
 */
export async function writeSession(path: string, session: StoredSession): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(session, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError(
      'SESSION_NOT_SAVED',
      `The session could not be saved to ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Set RMSADMIN_SESSION_FILE to a path you may write.`,
    );
  }
}

/**
 * Read the session `sign-in` left, refusing one others could read or that has expired.
 *
 * A token readable by other users is treated like a leaked one: the admin signs in again
 * rather than the tool using it.
 */
export async function readSession(path: string, now: Date): Promise<StoredSession> {
  let text: string;
  try {
    const info = await stat(path);
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
      throw new CliError(
        'SESSION_UNSAFE',
        `${path} can be read by other users, so its token is not used. Delete it (rms-connector-admin sign-out) and sign in again.`,
      );
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      'NOT_SIGNED_IN',
      'You are not signed in to the connector service. Run: rms-connector-admin sign-in --service-url https://… --username admin@contoso.com --password-stdin',
    );
  }
  let session: StoredSession;
  try {
    session = StoredSessionSchema.parse(JSON.parse(text));
  } catch {
    throw new CliError('NOT_SIGNED_IN', `${path} is not a session this tool wrote. Run rms-connector-admin sign-in again.`);
  }
  if (Date.parse(session.expiresAt) <= now.getTime())
    throw new CliError('SESSION_EXPIRED', `Your sign-in as ${session.username} expired at ${session.expiresAt}. Run rms-connector-admin sign-in again.`);
  return session;
}

/** Delete the session file; false when there was none. */
export async function removeSession(path: string): Promise<boolean> {
  try {
    await rm(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
