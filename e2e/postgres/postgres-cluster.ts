import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { withStateLock } from '../ad/state-lock.ts';
import { dropLeftoverTestDatabases, ensureLoginRole, probeCluster, withAdminConnection } from './admin-sql.ts';
import { initializeDataDirectory, prepareClusterFolder } from './cluster-folder.ts';
import { clusterLayout, clusterVersion, primaryCluster } from './cluster-layout.ts';
import type { ClusterLayout, ClusterOptions } from './cluster-layout.ts';
import { clusterIsRunning, postgresBinaries, startCluster, stopCluster } from './postgres-commands.ts';
import { adminUser, connectorRole } from './postgres-connection.ts';
import type { PostgresConnection } from './postgres-connection.ts';

/**
 * Options for `ensurePostgresCluster`.
 *
 * `log` receives human-readable progress lines; the CLI sends them to stderr.
 */
export type EnsureClusterOptions = { log?: (line: string) => void };

const answerPatienceMs = 30_000;

type ReadyMarker = { clusterVersion: string; majorVersion: string; builtAt: string; timingsMs: Record<string, number> };

/**
 * Make sure the primary test cluster (127.0.0.1:55432) runs and return how to connect to it.
 *
 * What the integration tests, `pg:up` and `createTestDatabase` call.
 */
export async function ensurePrimaryCluster(options: EnsureClusterOptions = {}): Promise<PostgresConnection> {
  return ensurePostgresCluster(primaryCluster, options);
}

/**
 * Make sure one test cluster runs, with the connector role, and return how to connect to it.
 *
 * Reuses a running cluster in a few tens of milliseconds, starts a stopped one (dropping test
 * databases left by dead test processes), and wipes and rebuilds one that is half built or was
 * built by an older `clusterVersion` or another PostgreSQL major version. Safe to call from
 * several processes at once: a lock file beside the cluster folder serialises them.
 */
export async function ensurePostgresCluster(cluster: ClusterOptions, options: EnsureClusterOptions = {}): Promise<PostgresConnection> {
  const log = options.log ?? (() => undefined);
  const layout = clusterLayout(cluster);
  await mkdir(layout.cacheRoot, { recursive: true });
  return withStateLock(layout.lockFile, async () => {
    const { majorVersion } = await postgresBinaries();
    const marker = await readMarker(layout);
    if (marker?.clusterVersion === clusterVersion && marker.majorVersion === majorVersion) {
      const serverVersion = await answerOfRunningCluster(layout);
      if (serverVersion !== undefined) {
        log(`Reusing running PostgreSQL ${serverVersion} cluster in ${layout.directory}`);
        return connectionFor(layout, serverVersion);
      }
      log(`PostgreSQL cluster in ${layout.directory} is not answering; starting it`);
      const started = Date.now();
      await stopCluster(layout);
      await startCluster(layout);
      const dropped = await withAdminConnection(layout, dropLeftoverTestDatabases);
      if (dropped.length > 0) log(`Dropped ${dropped.length} test databases left by earlier runs`);
      log(`Started in ${Date.now() - started} ms`);
      return connectionFor(layout, await answeringVersion(layout));
    }
    log(marker === undefined ? `No ready PostgreSQL cluster in ${layout.directory}; building one` : 'Cluster version changed; rebuilding');
    await rebuild(layout, majorVersion, log);
    return connectionFor(layout, await answeringVersion(layout));
  });
}

/**
 * Stop a test cluster with a fast shutdown, keeping its data.
 *
 * A later `ensurePostgresCluster` restarts it in about a second.
 */
export async function stopPostgresCluster(cluster: ClusterOptions = primaryCluster): Promise<void> {
  const layout = clusterLayout(cluster);
  await mkdir(layout.cacheRoot, { recursive: true });
  await withStateLock(layout.lockFile, () => stopCluster(layout));
}

async function rebuild(layout: ClusterLayout, majorVersion: string, log: (line: string) => void): Promise<void> {
  const timingsMs: Record<string, number> = {};
  const timed = async (step: string, work: () => Promise<unknown>) => {
    const started = Date.now();
    log(`${step}…`);
    await work();
    timingsMs[step] = Date.now() - started;
    log(`${step} done in ${timingsMs[step]} ms`);
  };
  await stopCluster(layout);
  await prepareClusterFolder(layout, log);
  await timed('initdb', () => initializeDataDirectory(layout));
  await timed('start', () => startCluster(layout));
  await timed('roles', () => withAdminConnection(layout, (sql) => ensureLoginRole(sql, connectorRole.user, connectorRole.password)));
  const marker: ReadyMarker = { clusterVersion, majorVersion, builtAt: new Date().toISOString(), timingsMs };
  await writeFile(layout.readyFile, `${JSON.stringify(marker, null, 2)}\n`);
}

async function answerOfRunningCluster(layout: ClusterLayout): Promise<string | undefined> {
  const deadline = Date.now() + answerPatienceMs;
  for (;;) {
    const serverVersion = await probeCluster(layout);
    if (serverVersion !== undefined) return serverVersion;
    // A postmaster that is registered but does not answer may be starting, recovering or out of
    // connection slots: restarting it would cut off every test using it, so give it time first.
    if (Date.now() > deadline || !(await clusterIsRunning(layout))) return undefined;
    await delay(250);
  }
}

async function answeringVersion(layout: ClusterLayout): Promise<string> {
  const serverVersion = await probeCluster(layout);
  if (serverVersion === undefined) throw new Error(`PostgreSQL started but does not answer on ${layout.socketDirectory}`);
  return serverVersion;
}

async function connectionFor(layout: ClusterLayout, serverVersion: string): Promise<PostgresConnection> {
  return {
    host: layout.host,
    port: layout.port,
    user: connectorRole.user,
    password: connectorRole.password,
    adminUser,
    adminPassword: (await readFile(layout.superuserPasswordFile, 'utf8')).trim(),
    socketDirectory: layout.socketDirectory,
    dataDirectory: layout.dataDirectory,
    logFile: layout.logFile,
    serverVersion,
  };
}

async function readMarker(layout: ClusterLayout): Promise<ReadyMarker | undefined> {
  try {
    const marker = JSON.parse(await readFile(layout.readyFile, 'utf8')) as Partial<ReadyMarker>;
    await readFile(path.join(layout.dataDirectory, 'PG_VERSION'));
    return typeof marker.clusterVersion === 'string' && typeof marker.majorVersion === 'string' ? (marker as ReadyMarker) : undefined;
  } catch {
    return undefined;
  }
}
