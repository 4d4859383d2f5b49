import { readFile } from 'node:fs/promises';
import { Client } from 'ldapts';
import type { AdConnection } from './ad-connection.ts';
import { delay } from './samba-processes.ts';

/**
 * Open an LDAPS client that verifies the DC's certificate against the domain's own CA.
 *
 * The certificate has no SAN and names the DC host, so we connect to 127.0.0.1 and verify
 * against `serverName`; verification is never disabled.
 */
export async function openClient(connection: AdConnection, timeoutMs = 30_000): Promise<Client> {
  const ca = await readFile(connection.caFile, 'utf8');
  return new Client({
    url: connection.url,
    timeout: timeoutMs,
    connectTimeout: Math.min(timeoutMs, 5_000),
    tlsOptions: { ca: [ca], servername: connection.serverName },
  });
}

/**
 * Run `work` with a client bound as the given account, always unbinding afterwards.
 *
 * Seeding and verification open many short sessions; this keeps socket cleanup in one place.
 */
export async function withBoundClient<T>(
  connection: AdConnection,
  work: (client: Client) => Promise<T>,
  account: { user: string; password: string } = connection,
): Promise<T> {
  const client = await openClient(connection);
  try {
    await client.bind(account.user, account.password);
    return await work(client);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/**
 * Try one simple bind and report the error message, or undefined on success.
 *
 * Lockout seeding and its verification care about the server's diagnostic text (`data 775`).
 */
export async function tryBind(connection: AdConnection, user: string, password: string): Promise<string | undefined> {
  const client = await openClient(connection, 5_000);
  try {
    await client.bind(user, password);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/**
 * Poll until an administrator bind over LDAPS succeeds or the deadline passes.
 *
 * Samba opens its ports before the LDAP service (and its TLS key) is ready, so a bind, not
 * an open port, is the readiness signal. Returns the last error for the caller's message.
 */
export async function waitForLdaps(connection: AdConnection, timeoutMs: number): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'never attempted';
  while (Date.now() < deadline) {
    const caPresent = await readFile(connection.caFile).then(
      () => true,
      () => false,
    );
    if (caPresent) {
      const error = await tryBind(connection, connection.user, connection.password);
      if (error === undefined) return undefined;
      lastError = error;
    } else {
      lastError = `CA file ${connection.caFile} not generated yet`;
    }
    await delay(250);
  }
  return lastError;
}

/**
 * Render a binary objectSid as its S-1-… string form.
 *
 * Needed to derive a group's RID for primaryGroupID and to compare SIDs in checks.
 */
export function sidToString(sid: Buffer): string {
  const revision = sid.readUInt8(0);
  const subAuthorityCount = sid.readUInt8(1);
  const authority = sid.readUIntBE(2, 6);
  const subAuthorities: number[] = [];
  for (let index = 0; index < subAuthorityCount; index += 1) {
    subAuthorities.push(sid.readUInt32LE(8 + index * 4));
  }
  return ['S', revision, authority, ...subAuthorities].join('-');
}
