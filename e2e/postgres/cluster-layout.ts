import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Which test cluster to run: its folder name under `.cache/postgres` and its TCP port.
 *
 * The primary is one instance of this; a streaming standby added later is another (its own
 * folder and port), so every path and command below takes the cluster instead of assuming one.
 */
export type ClusterOptions = { readonly name: string; readonly port: number };

/**
 * The primary test cluster: `.cache/postgres/primary` on 127.0.0.1:55432.
 *
 * A port of its own (never 5432) so a PostgreSQL the machine already runs is left alone.
 */
export const primaryCluster: ClusterOptions = { name: 'primary', port: 55432 };

/**
 * The address every test cluster listens on.
 *
 * Loopback only: the clusters are throwaway and their connector password is written in the source.
 */
export const clusterHost = '127.0.0.1';

/**
 * Bumped whenever initdb options or settings change, so older clusters are rebuilt, not reused.
 *
 * The ready marker records the version a cluster was built with; a mismatch means "rebuild".
 */
export const clusterVersion = 'rmsadmin-postgres-2026-12-05.1';

/**
 * Files and folders of one test cluster.
 *
 * Keeping every path in one place lets the CLIs, the lifecycle code and the tests agree.
 */
export type ClusterLayout = {
  readonly name: string;
  readonly port: number;
  readonly host: string;
  readonly repositoryRoot: string;
  readonly cacheRoot: string;
  readonly directory: string;
  readonly dataDirectory: string;
  readonly socketDirectory: string;
  readonly logFile: string;
  readonly superuserPasswordFile: string;
  readonly readyFile: string;
  readonly sentinelFile: string;
  readonly lockFile: string;
};

/**
 * Resolve the folder layout of one cluster inside the repository's git-ignored `.cache`.
 *
 * The cluster folder belongs to the `postgres` OS user (PostgreSQL refuses to run as root); the
 * data directory, the unix socket, the log and the superuser password all live inside it.
 */
export function clusterLayout(cluster: ClusterOptions, repositoryRoot = defaultRepositoryRoot()): ClusterLayout {
  if (!/^[a-z][a-z0-9-]{0,30}$/.test(cluster.name)) throw new Error(`Invalid cluster name: ${cluster.name}`);
  if (!Number.isInteger(cluster.port) || cluster.port < 1024 || cluster.port > 65535) throw new Error(`Invalid cluster port: ${cluster.port}`);
  const cacheRoot = path.join(repositoryRoot, '.cache', 'postgres');
  const directory = path.join(cacheRoot, cluster.name);
  const socketDirectory = path.join(directory, 'socket');
  // A unix socket path is limited to 107 bytes; fail here instead of in PostgreSQL's log.
  const socketPath = path.join(socketDirectory, `.s.PGSQL.${cluster.port}`);
  if (Buffer.byteLength(socketPath) > 107) throw new Error(`Socket path too long for a unix socket (move the repository): ${socketPath}`);
  return {
    name: cluster.name,
    port: cluster.port,
    host: clusterHost,
    repositoryRoot,
    cacheRoot,
    directory,
    dataDirectory: path.join(directory, 'data'),
    socketDirectory,
    logFile: path.join(directory, 'postgres.log'),
    superuserPasswordFile: path.join(directory, 'superuser-password'),
    readyFile: path.join(directory, 'ready.json'),
    sentinelFile: path.join(directory, 'rmsadmin-postgres-cluster'),
    // Beside the folder, not inside it, because a rebuild wipes the folder.
    lockFile: `${directory}.lock`,
  };
}

function defaultRepositoryRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}
