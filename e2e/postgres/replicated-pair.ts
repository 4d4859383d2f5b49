import { withAdminConnection } from './admin-sql.ts';
import { removeClusterFolder } from './cluster-folder.ts';
import { clusterHost, clusterLayout, primaryCluster } from './cluster-layout.ts';
import type { ClusterLayout } from './cluster-layout.ts';
import { pollUntil } from './poll-until.ts';
import { clusterLogTail, runAsClusterOwner, stopCluster } from './postgres-commands.ts';
import { connectorRole } from './postgres-connection.ts';
import { buildPrimary, buildStandby, pairDatabase, readReplicationStates, requireSynchronousStandby } from './replication-setup.ts';
import type { ReplicationState } from './replication-setup.ts';

/**
 * Options for `startReplicatedPair`.
 *
 * `name` selects the folders `.cache/postgres/<name>-primary` and `<name>-standby`; suites that may
 * run at the same time need different names and ports. `log` receives progress lines with timings.
 */
export type ReplicatedPairOptions = { name?: string; primaryPort?: number; standbyPort?: number; log?: (line: string) => void };

/**
 * A primary with one synchronous hot standby, for a test that crashes the primary and fails over.
 *
 * `url` is what the connector nodes are configured with (multi-host, primary first, no password:
 * pass `password` separately). After `stopPrimaryImmediately` the old primary stays down: starting
 * it again would give a second, diverged primary. `destroy()` is safe twice and after a crash.
 */
export type ReplicatedPair = {
  readonly name: string;
  readonly primaryPort: number;
  readonly standbyPort: number;
  readonly host: string;
  readonly database: string;
  readonly user: string;
  readonly password: string;
  readonly url: string;
  readonly logFiles: { readonly primary: string; readonly standby: string };
  readonly buildTimingsMs: Readonly<Record<string, number>>;
  /** Crash the primary: `pg_ctl stop -m immediate` (no shutdown checkpoint, sessions cut). */
  stopPrimaryImmediately(): Promise<void>;
  /** `pg_ctl promote -w` on the standby; resolves once it answers `NOT pg_is_in_recovery()` and waits for no standby. */
  promoteStandby(): Promise<void>;
  /** `pg_is_in_recovery()` of the server on `port` (one of the pair's two ports). */
  isInRecovery(port: number): Promise<boolean>;
  /** The original primary's pg_stat_replication (the standby shows as `standby1`, `sync`). */
  replicationStates(): Promise<readonly ReplicationState[]>;
  /** Stop both servers (immediately) and delete both folders. */
  destroy(): Promise<void>;
};

/**
 * Build a fresh primary and synchronous standby on 127.0.0.1 and return the pair once it replicates synchronously.
 *
 * Always from scratch (leftovers of the same name are stopped and wiped), so every suite starts
 * from a clean database, and a failover test can never inherit a promoted standby. Builds in a few
 * seconds (initdb dominates). On failure both servers are stopped; their folders and logs stay
 * for inspection until the next start or `destroy()`.
 */
export async function startReplicatedPair(options: ReplicatedPairOptions = {}): Promise<ReplicatedPair> {
  const name = options.name ?? 'ha';
  const primaryPort = options.primaryPort ?? 55433;
  const standbyPort = options.standbyPort ?? 55434;
  const log = options.log ?? (() => undefined);
  if (primaryPort === standbyPort) throw new Error(`The primary and the standby need different ports (both ${primaryPort})`);
  if ([primaryPort, standbyPort].includes(primaryCluster.port)) throw new Error(`Port ${primaryCluster.port} belongs to the shared primary test cluster`);
  const primary = clusterLayout({ name: `${name}-primary`, port: primaryPort });
  const standby = clusterLayout({ name: `${name}-standby`, port: standbyPort });
  const buildTimingsMs: Record<string, number> = {};
  const timed = async (step: string, work: () => Promise<unknown>) => {
    const started = Date.now();
    await work();
    buildTimingsMs[step] = Date.now() - started;
    log(`${step} done in ${buildTimingsMs[step]} ms`);
  };
  const started = Date.now();
  try {
    await timed('stop leftovers', () => stopBoth(primary, standby));
    await timed('primary', () => buildPrimary(primary, log));
    await timed('standby', () => buildStandby(primary, standby, log));
    await timed('synchronous', () => requireSynchronousStandby(primary, standby));
  } catch (error) {
    await stopBoth(primary, standby).catch(() => undefined);
    throw error;
  }
  buildTimingsMs.total = Date.now() - started;
  log(`Replicated pair ${name} (primary ${primaryPort}, standby ${standbyPort}) ready in ${buildTimingsMs.total} ms`);
  const layoutOf = (port: number): ClusterLayout => {
    const layout = [primary, standby].find((candidate) => candidate.port === port);
    if (layout === undefined) throw new Error(`Port ${port} is neither the primary (${primaryPort}) nor the standby (${standbyPort})`);
    return layout;
  };
  const isInRecovery = (port: number) =>
    withAdminConnection(layoutOf(port), async (sql) => {
      const [row] = await sql<{ recovering: boolean }[]>`select pg_is_in_recovery() as recovering`;
      return row?.recovering ?? true;
    });
  return {
    name,
    primaryPort,
    standbyPort,
    host: clusterHost,
    database: pairDatabase,
    user: connectorRole.user,
    password: connectorRole.password,
    url: `postgres://${connectorRole.user}@${clusterHost}:${primaryPort},${clusterHost}:${standbyPort}/${pairDatabase}?target_session_attrs=primary`,
    logFiles: { primary: primary.logFile, standby: standby.logFile },
    buildTimingsMs,
    stopPrimaryImmediately: () => stopCluster(primary, 'immediate'),
    promoteStandby: () => promote(standby, isInRecovery, log),
    isInRecovery,
    replicationStates: () => readReplicationStates(primary),
    destroy: async () => {
      await stopBoth(primary, standby);
      await Promise.all([removeClusterFolder(primary), removeClusterFolder(standby)]);
    },
  };
}

async function promote(standby: ClusterLayout, isInRecovery: (port: number) => Promise<boolean>, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  await runAsClusterOwner(standby, 'pg_ctl', ['promote', '-D', standby.dataDirectory, '-w', '-t', '60'], 90_000);
  await pollUntil(async () => ((await isInRecovery(standby.port)) ? undefined : true), {
    timeoutMs: 30_000,
    describeTimeout: async () =>
      `The standby on port ${standby.port} is still in recovery after pg_ctl promote.\nTail of ${standby.logFile}:\n${await clusterLogTail(standby)}`,
  });
  // Cleared when the standby was built; if anything put it back, a promoted server waiting for a
  // synchronous standby that no longer exists would hang every commit, so clear it again.
  const leftoverNames = await synchronousStandbyNames(standby);
  if (leftoverNames !== '') {
    log(`Promoted standby had synchronous_standby_names = '${leftoverNames}'; resetting it`);
    await withAdminConnection(standby, async (sql) => {
      await sql`alter system reset synchronous_standby_names`;
      await sql`select pg_reload_conf()`;
    });
    // pg_reload_conf() only signals the postmaster; sessions pick the change up a moment later.
    await pollUntil(async () => ((await synchronousStandbyNames(standby)) === '' ? true : undefined), {
      timeoutMs: 10_000,
      describeTimeout: () => Promise.resolve(`synchronous_standby_names on port ${standby.port} is not empty after ALTER SYSTEM RESET and a reload`),
    });
  }
  log(`Standby on port ${standby.port} promoted and writable in ${Date.now() - started} ms`);
}

async function synchronousStandbyNames(layout: ClusterLayout): Promise<string> {
  return withAdminConnection(layout, async (sql) => {
    const [row] = await sql<{ names: string }[]>`select current_setting('synchronous_standby_names') as names`;
    return row?.names ?? '';
  });
}

async function stopBoth(primary: ClusterLayout, standby: ClusterLayout): Promise<void> {
  // Immediate: the data is thrown away anyway, and no shutdown checkpoint is worth waiting for.
  await Promise.all([stopCluster(primary, 'immediate'), stopCluster(standby, 'immediate')]);
}
