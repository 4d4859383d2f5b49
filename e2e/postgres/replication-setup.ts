import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureLoginRole, withAdminConnection } from './admin-sql.ts';
import { appendSettings, initializeDataDirectory, prepareClusterFolder } from './cluster-folder.ts';
import type { ClusterLayout } from './cluster-layout.ts';
import { pollUntil } from './poll-until.ts';
import { clusterLogTail, runAsClusterOwner, startCluster } from './postgres-commands.ts';
import { adminUser, connectorRole } from './postgres-connection.ts';

/**
 * The standby's `application_name`, which `synchronous_standby_names` on the primary names.
 *
 * pg_stat_replication reports a standby under this name; the HA tests look for it there.
 */
export const standbyApplicationName = 'standby1';

/**
 * The database the replicated pair serves, owned by the connector role.
 *
 * The connector's own name, as in the multi-host URL the service nodes are configured with.
 */
export const pairDatabase = 'rmsconnector';

/**
 * One row of the primary's `pg_stat_replication`.
 *
 * `syncState` is `sync` for the synchronous standby: a commit is acknowledged only after that
 * standby has flushed its WAL, so a crash of the primary loses no acknowledged write.
 */
export type ReplicationState = { readonly applicationName: string; readonly state: string; readonly syncState: string };

const replicationLine = 'host    replication     all             127.0.0.1/32            scram-sha-256';

/**
 * Build and start the primary: initdb with the test settings, the connector role and its database.
 *
 * The settings (`wal_level=replica`, `max_wal_senders`, `hot_standby`) and initdb's `replication`
 * lines in pg_hba.conf already allow streaming; the line is added only if a future initdb stops
 * writing it. pg_basebackup then connects as the superuser with the folder's generated password.
 */
export async function buildPrimary(layout: ClusterLayout, log: (line: string) => void): Promise<void> {
  await prepareClusterFolder(layout, log);
  await initializeDataDirectory(layout);
  const hostBasedAccess = path.join(layout.dataDirectory, 'pg_hba.conf');
  const rules = await readFile(hostBasedAccess, 'utf8');
  if (!/^host\s+replication\s+all\s+127\.0\.0\.1\/32\s+scram-sha-256\s*$/m.test(rules)) await appendFile(hostBasedAccess, `${replicationLine}\n`);
  await startCluster(layout);
  await withAdminConnection(layout, async (sql) => {
    await ensureLoginRole(sql, connectorRole.user, connectorRole.password);
    await sql`create database ${sql(pairDatabase)} owner ${sql(connectorRole.user)} template template0`;
  });
}

/**
 * Clone the running primary into a hot standby with pg_basebackup and start it on its own port.
 *
 * `-R` writes `standby.signal` and `primary_conninfo` (with `application_name`, taken from the
 * connection string, and the superuser password the walreceiver needs to reconnect). The copied
 * postgresql.conf still names the primary's port and socket, so the standby's own settings are
 * appended after it (the last line wins).
 *
 * pg_basebackup also copies postgresql.auto.conf, where ALTER SYSTEM writes: a standby cloned
 * after `synchronous_standby_names` was set would carry it, and once promoted every commit would
 * wait forever for a synchronous standby that no longer exists. That file is not replicated
 * afterwards, so the setting is cleared here, on the standby itself, and `promoteStandby` checks
 * it again.
 */
export async function buildStandby(primary: ClusterLayout, standby: ClusterLayout, log: (line: string) => void): Promise<void> {
  await prepareClusterFolder(standby, log);
  const superuserPassword = await readFile(primary.superuserPasswordFile, 'utf8');
  await runAsClusterOwner(
    standby,
    'pg_basebackup',
    [
      ...['-D', standby.dataDirectory, '-R', '-X', 'stream', '--checkpoint=fast'],
      ...['-h', primary.host, '-p', String(primary.port), '-U', adminUser, '-d', `application_name=${standbyApplicationName}`],
    ],
    120_000,
    { PGPASSWORD: superuserPassword.trim() },
  );
  const autoConfiguration = await readFile(path.join(standby.dataDirectory, 'postgresql.auto.conf'), 'utf8');
  if (!new RegExp(`^primary_conninfo = '.*application_name=${standbyApplicationName}[ ']`, 'm').test(autoConfiguration)) {
    throw new Error(`pg_basebackup -R wrote no application_name=${standbyApplicationName} into primary_conninfo:\n${autoConfiguration}`);
  }
  // The standby shares the primary's catalog, hence its superuser password.
  await writeFile(standby.superuserPasswordFile, superuserPassword);
  await appendSettings(standby);
  await startCluster(standby);
  await withAdminConnection(standby, async (sql) => {
    await sql`alter system reset synchronous_standby_names`;
    await sql`select pg_reload_conf()`;
  });
}

/**
 * Make the standby synchronous on the primary and wait until pg_stat_replication says `sync`.
 *
 * Set with ALTER SYSTEM after the clone, so only the primary's postgresql.auto.conf has it. A
 * standby that never turns synchronous (wrong password, pg_hba, application_name) fails with the
 * log tails of both servers, where the walreceiver and walsender explain why.
 */
export async function requireSynchronousStandby(primary: ClusterLayout, standby: ClusterLayout, timeoutMs = 30_000): Promise<void> {
  await withAdminConnection(primary, async (sql) => {
    await sql.unsafe(`alter system set synchronous_standby_names = 'FIRST 1 (${standbyApplicationName})'`);
    await sql`select pg_reload_conf()`;
  });
  await pollUntil(
    async () => {
      const states = await readReplicationStates(primary);
      return states.some((state) => state.applicationName === standbyApplicationName && state.syncState === 'sync') ? true : undefined;
    },
    {
      timeoutMs,
      intervalMs: 50,
      describeTimeout: async () =>
        `The standby ${standbyApplicationName} (port ${standby.port}) did not become synchronous on the primary (port ${primary.port}) within ${timeoutMs} ms; ` +
        `pg_stat_replication: ${JSON.stringify(await readReplicationStates(primary).catch((error: unknown) => String(error)))}\n` +
        `Tail of ${primary.logFile}:\n${await clusterLogTail(primary)}\nTail of ${standby.logFile}:\n${await clusterLogTail(standby)}`,
    },
  );
}

/**
 * The primary's pg_stat_replication rows, read as the superuser over the unix socket.
 *
 * Only superusers (and pg_read_all_stats) see `state` and `sync_state`; the connector role would
 * read nulls.
 */
export async function readReplicationStates(primary: ClusterLayout): Promise<ReplicationState[]> {
  return withAdminConnection(primary, async (sql) => {
    const rows = await sql<{ application_name: string; state: string; sync_state: string }[]>`
      select application_name, state, sync_state from pg_stat_replication order by application_name`;
    return rows.map((row) => ({ applicationName: row.application_name, state: row.state, syncState: row.sync_state }));
  });
}
