import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { z } from 'zod';
import type { PostgresTarget } from '../postgres/database.ts';

declare module 'vitest' {
  // Vitest's provide/inject typing is an interface meant to be merged; a type alias cannot be.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    postgresConnection: string;
  }
}

const PostgresTestConnectionSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  user: z.string(),
  password: z.string(),
  adminUser: z.string(),
  adminPassword: z.string(),
});

/** The PostgreSQL test cluster the global setup started (e2e/postgres), as the service's role and as its superuser. */
export type PostgresTestConnection = z.infer<typeof PostgresTestConnectionSchema>;

/** The connection the integration project's global setup published. */
export function postgresTestConnection(): PostgresTestConnection {
  return PostgresTestConnectionSchema.parse(JSON.parse(inject('postgresConnection')));
}

/** A fresh database of the service's role: where it is, and how to drop it. */
export type TestDatabase = { readonly target: PostgresTarget; readonly url: string; readonly drop: () => Promise<void> };

/**
 * Create an empty database owned by the service's role, for one test.
 *
 * The superuser creates it over TCP (from template0, which nobody connects to, so parallel
 * creations never collide); `drop()` ends leftover sessions first.
 */
export async function createTestDatabase(connection: PostgresTestConnection = postgresTestConnection()): Promise<TestDatabase> {
  const name = `rmstest_store_${randomBytes(6).toString('hex')}`;
  await asSuperuser(connection, (sql) => sql`CREATE DATABASE ${sql(name)} OWNER ${sql(connection.user)} TEMPLATE template0`);
  const address = `${connection.host}:${String(connection.port)}/${name}`;
  return {
    target: {
      hosts: [{ host: connection.host, port: connection.port }],
      database: name,
      user: connection.user,
      password: connection.password,
      ssl: false,
      targetSessionAttributes: 'any',
      connectTimeoutSeconds: 10,
      description: `postgres://${connection.user}@${address}`,
    },
    url: `postgres://${connection.user}:${encodeURIComponent(connection.password)}@${address}`,
    drop: () => asSuperuser(connection, (sql) => sql`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`),
  };
}

/** Run `work` as the test cluster's superuser, on its `postgres` database, over one connection. */
export async function asSuperuser(connection: PostgresTestConnection, work: (sql: postgres.Sql) => Promise<unknown>): Promise<void> {
  const sql = postgres({
    host: connection.host,
    port: connection.port,
    user: connection.adminUser,
    password: connection.adminPassword,
    database: 'postgres',
    max: 1,
    onnotice: () => undefined,
  });
  try {
    await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
