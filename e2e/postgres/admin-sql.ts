import postgres from 'postgres';
import type { ClusterLayout } from './cluster-layout.ts';
import { adminUser } from './postgres-connection.ts';
import { assertTestDatabaseName, isTestDatabaseName, testDatabasePrefix } from './test-database-names.ts';

/**
 * A postgres.js client, as the admin helpers receive it.
 *
 * Named so the helpers below do not each spell out postgres.js's generic type.
 */
export type AdminSql = postgres.Sql;

/**
 * Run `work` with a superuser connection over the cluster's unix socket, then close it.
 *
 * The socket needs no password (`--auth-local=trust`) and lives in the cluster's private folder,
 * which proves the server answering is ours and not another cluster on the same port.
 */
export async function withAdminConnection<T>(layout: ClusterLayout, work: (sql: AdminSql) => Promise<T>, connectTimeoutSeconds = 10): Promise<T> {
  const sql = postgres({
    host: layout.socketDirectory,
    port: layout.port,
    user: adminUser,
    database: 'postgres',
    max: 1,
    connect_timeout: connectTimeoutSeconds,
    onnotice: () => undefined,
  });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * The server's version when the cluster answers on its socket, `undefined` when it does not.
 *
 * Used to decide between reusing a running cluster and starting it.
 */
export async function probeCluster(layout: ClusterLayout): Promise<string | undefined> {
  try {
    return await withAdminConnection(
      layout,
      async (sql) => {
        const [row] = await sql<{ server_version: string }[]>`show server_version`;
        return row?.server_version;
      },
      5,
    );
  } catch {
    return undefined;
  }
}

/**
 * Create a login role, or reset its password when it already exists.
 *
 * CREATE/ALTER ROLE take no bind parameters, so the password is written as a literal and
 * therefore restricted to characters that need no escaping.
 */
export async function ensureLoginRole(sql: AdminSql, user: string, password: string): Promise<void> {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(user)) throw new Error(`Invalid role name: ${user}`);
  if (!/^[A-Za-z0-9_.!-]{8,100}$/.test(password)) throw new Error(`Role password must be 8–100 of A-Z a-z 0-9 _ . ! -`);
  const [existing] = await sql`select 1 from pg_roles where rolname = ${user}`;
  const verb = existing === undefined ? 'create' : 'alter';
  await sql.unsafe(`${verb} role "${user}" login password '${password}'`);
}

/**
 * Drop one test database, ending any session still connected to it; a missing one is fine.
 *
 * `WITH (FORCE)` (PostgreSQL 13+) terminates leftover connections, which a test that forgot to
 * close its pool would otherwise leave behind and make the drop fail.
 */
export async function dropTestDatabase(sql: AdminSql, name: string): Promise<void> {
  await sql`drop database if exists ${sql(assertTestDatabaseName(name))} with (force)`;
}

/**
 * Drop every test database in the cluster and return their names.
 *
 * Run only right after the cluster was (re)started, when no test can be using one: a test
 * process that died before `drop()` would otherwise leave its database behind for good.
 */
export async function dropLeftoverTestDatabases(sql: AdminSql): Promise<string[]> {
  const rows = await sql<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${testDatabasePrefix})`;
  const names = rows.map((row) => row.datname).filter(isTestDatabaseName);
  for (const name of names) await dropTestDatabase(sql, name);
  return names;
}
