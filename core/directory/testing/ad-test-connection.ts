import { readFile } from 'node:fs/promises';
import { Client } from 'ldapts';
import { inject } from 'vitest';
import { z } from 'zod';
import type { ConnectOptions } from '../connect-directory.ts';

declare module 'vitest' {
  // Vitest's provide/inject typing is an interface meant to be merged; a type alias cannot be.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    adConnection: string;
  }
}

const AdConnectionSchema = z.object({
  url: z.string(),
  caFile: z.string(),
  serverName: z.string(),
  user: z.string(),
  password: z.string(),
  baseDn: z.string(),
  netbiosDomain: z.string(),
  dnsServer: z.string().optional(),
});

/** The seeded test domain as the integration tests see it. */
export type AdTestConnection = z.infer<typeof AdConnectionSchema>;

/** The connection the global setup published (the Samba DC on loopback). */
export function adTestConnection(): AdTestConnection {
  return AdConnectionSchema.parse(JSON.parse(inject('adConnection')));
}

/** Connect options for the test DC as its administrator, with overrides for negative cases. */
export function adConnectOptions(overrides: Partial<ConnectOptions> = {}): ConnectOptions {
  const connection = adTestConnection();
  return {
    url: connection.url,
    caFile: connection.caFile,
    serverName: connection.serverName,
    user: connection.user,
    password: connection.password,
    ...overrides,
  };
}

/** The seed's password and root OU, one definition for the Samba and demo fixtures. */
export { CONTOSO_OU, SEED_PASSWORD } from './directory-fixture.ts';

/**
 * An LDAP client bound as the test DC's administrator, for tests that build their own objects.
 *
 * Tests change the directory with it (add, modify, delete in an OU of their own); the code
 * under test never sees it.
 */
export async function adAdminClient(): Promise<Client> {
  const connection = adTestConnection();
  const client = new Client({ url: connection.url, tlsOptions: { ca: await readFile(connection.caFile, 'utf8'), servername: connection.serverName } });
  await client.bind(connection.user, connection.password);
  return client;
}
