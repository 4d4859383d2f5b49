import { openDirectorySession, type ConnectOptions } from './connect-directory.ts';

/**
 * Check a user's password by one bind over the protected connection, then hang up.
 *
 * For a service that signs admins in against the directory: no domain discovery, no
 * search, one bind — a failure is never retried here, so a wrong password costs the
 * account exactly one bad-password count.
 */
export async function verifyCredentials(options: ConnectOptions): Promise<void> {
  const { session } = await openDirectorySession(options);
  await session.close();
}
