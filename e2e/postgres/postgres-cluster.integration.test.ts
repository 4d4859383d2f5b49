import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { PostgresConnectionSchema } from './postgres-connection.ts';
import { createTestDatabase } from './test-database.ts';

const quiet = { max: 1, onnotice: () => undefined, connect_timeout: 10 } as const;

async function queryAs<T>(url: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, quiet);
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

describe('e2e/postgres test cluster', () => {
  it('runs the primary with the test settings when the global setup provides it', async () => {
    const connection = PostgresConnectionSchema.parse(JSON.parse(inject('postgresConnection')));
    const adminUrl = `postgres://${connection.adminUser}:${encodeURIComponent(connection.adminPassword)}@${connection.host}:${connection.port}/postgres`;

    const settings = await queryAs(adminUrl, (sql) =>
      sql`select name, setting from pg_settings where name in ('fsync', 'hot_standby', 'listen_addresses', 'max_connections', 'max_wal_senders', 'wal_level') order by name`.then(
        (rows) => [...rows],
      ),
    );

    expect({ host: connection.host, port: connection.port, user: connection.user, settings }).toEqual({
      host: '127.0.0.1',
      port: 55432,
      user: 'rmsconnector',
      settings: [
        { name: 'fsync', setting: 'on' },
        { name: 'hot_standby', setting: 'on' },
        { name: 'listen_addresses', setting: '127.0.0.1' },
        { name: 'max_connections', setting: '200' },
        { name: 'max_wal_senders', setting: '10' },
        { name: 'wal_level', setting: 'replica' },
      ],
    });
  });

  it('creates distinct empty databases the connector role uses over TCP, and drops them even with a session open', async () => {
    const databases = [await createTestDatabase({ label: 'cluster_check' }), await createTestDatabase({ label: 'cluster_check' })];
    const lingering = postgres(databases[1]?.url ?? '', quiet);
    try {
      const seen = [];
      for (const database of databases) {
        seen.push(
          await queryAs(database.url, async (sql) => {
            await sql`create table probe (id integer primary key)`;
            await sql`insert into probe values (1)`;
            const [row] = await sql`select current_database() as name, current_user as role, (select count(*)::int from probe) as rows`;
            return row;
          }),
        );
      }
      await lingering`select 1`;

      expect(seen).toEqual(databases.map((database) => ({ name: database.name, role: 'rmsconnector', rows: 1 })));
      expect(new Set(databases.map((database) => database.name)).size).toBe(2);
    } finally {
      for (const database of databases) await database.drop();
      await lingering.end({ timeout: 1 }).catch(() => undefined);
    }

    for (const database of databases) {
      await expect(queryAs(database.url, (sql) => sql`select 1`)).rejects.toMatchObject({ code: '3D000' });
    }
  });

  it('refuses the connector role with a wrong password (28P01)', async () => {
    const database = await createTestDatabase({ label: 'cluster_check' });
    try {
      const wrongUrl = `postgres://${database.user}:not-the-password@${database.host}:${database.port}/${database.name}`;

      await expect(queryAs(wrongUrl, (sql) => sql`select 1`)).rejects.toMatchObject({ code: '28P01' });
      expect(database.urlWithoutPassword).toBe(`postgres://rmsconnector@127.0.0.1:55432/${database.name}`);
    } finally {
      await database.drop();
    }
  });
});
