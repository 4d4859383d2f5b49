import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFile, chmod, chown, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ClusterLayout } from './cluster-layout.ts';
import { clusterOwner, runAsClusterOwner, runsAsRoot } from './postgres-commands.ts';
import { adminUser } from './postgres-connection.ts';

const execFileAsync = promisify(execFile);

/**
 * Give the cluster a fresh, empty folder owned by the cluster's OS user, with a new superuser password.
 *
 * Never deletes a folder it did not create (the sentinel file marks ours). As root, the folders
 * from the repository root down to `.cache/postgres` get o+x when they lack it, so the `postgres`
 * user can reach its folder; nothing outside the repository is changed, only reported.
 */
export async function prepareClusterFolder(layout: ClusterLayout, log: (line: string) => void): Promise<void> {
  await mkdir(layout.cacheRoot, { recursive: true });
  if (runsAsRoot()) await openPathToOwner(layout, log);
  await removeClusterFolder(layout);
  for (const directory of [layout.directory, layout.socketDirectory]) await mkdir(directory, { recursive: true, mode: 0o700 });
  await writeFile(layout.sentinelFile, 'Folder of an rmsadmin PostgreSQL test cluster (e2e/postgres).\n');
  await writeFile(layout.superuserPasswordFile, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
  if (!runsAsRoot()) return;
  const owner = await ownerIds();
  for (const entry of [layout.directory, layout.socketDirectory, layout.sentinelFile, layout.superuserPasswordFile]) {
    await chown(entry, owner.uid, owner.gid);
  }
}

/**
 * Create the data directory with initdb in the prepared folder and append the test settings.
 *
 * Superuser `postgres` with the folder's generated password; trust over the private unix socket,
 * SCRAM over TCP (initdb also writes the `replication` lines, so a standby can stream over TCP).
 */
export async function initializeDataDirectory(layout: ClusterLayout): Promise<void> {
  await runAsClusterOwner(layout, 'initdb', [
    '-D',
    layout.dataDirectory,
    '-U',
    adminUser,
    `--pwfile=${layout.superuserPasswordFile}`,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '--encoding=UTF8',
    // Explicit, so the caller's LANG (possibly a locale this machine lacks) does not matter.
    '--locale=C.UTF-8',
    '--data-checksums',
  ]);
  await appendSettings(layout);
}

/**
 * Append the test settings to the fresh cluster's postgresql.conf.
 *
 * Durability stays on (the store's tests check it) and WAL is kept at replica level with WAL
 * senders, so a hot standby can be added later without rebuilding the primary.
 */
export async function appendSettings(layout: ClusterLayout): Promise<void> {
  const settings = [
    '',
    '# rmsadmin test cluster (e2e/postgres/cluster-folder.ts); a rebuild rewrites this file.',
    `listen_addresses = '${layout.host}'`,
    `port = ${layout.port}`,
    `unix_socket_directories = ${configurationString(layout.socketDirectory)}`,
    'unix_socket_permissions = 0700',
    'max_connections = 200',
    'wal_level = replica',
    'max_wal_senders = 10',
    'hot_standby = on',
    'fsync = on',
    'synchronous_commit = on',
    'full_page_writes = on',
    "password_encryption = 'scram-sha-256'",
    '',
  ];
  await appendFile(path.join(layout.dataDirectory, 'postgresql.conf'), settings.join('\n'));
}

/**
 * Delete the cluster's folder, but only when it is ours (carries the sentinel) or empty.
 *
 * Used before every rebuild and by throwaway clusters' `destroy()`; stop the postmaster first.
 */
export async function removeClusterFolder(layout: ClusterLayout): Promise<void> {
  const entries = await readdir(layout.directory).catch(() => []);
  const ours = await stat(layout.sentinelFile).then(
    () => true,
    () => false,
  );
  if (entries.length > 0 && !ours) {
    throw new Error(`${layout.directory} is not empty and lacks ${path.basename(layout.sentinelFile)}; not deleting it`);
  }
  await rm(layout.directory, { recursive: true, force: true });
}

async function openPathToOwner(layout: ClusterLayout, log: (line: string) => void): Promise<void> {
  await assertOutsideIsOpen(layout);
  for (const directory of [layout.repositoryRoot, path.dirname(layout.cacheRoot), layout.cacheRoot]) {
    const mode = (await stat(directory)).mode & 0o7777;
    if ((mode & 0o001) !== 0) continue;
    await chmod(directory, mode | 0o001);
    log(`Added o+x to ${directory} so the ${clusterOwner} user can reach its cluster folder`);
  }
  if (!(await ownerCanTraverse(layout.cacheRoot))) throw new Error(`The ${clusterOwner} user still cannot reach ${layout.cacheRoot}`);
}

async function assertOutsideIsOpen(layout: ClusterLayout): Promise<void> {
  if (await ownerCanTraverse(path.dirname(layout.repositoryRoot))) return;
  const blocked: string[] = [];
  for (let directory = path.dirname(layout.repositoryRoot); ; directory = path.dirname(directory)) {
    if (!(await ownerCanTraverse(directory))) blocked.push(directory);
    if (directory === path.dirname(directory)) break;
  }
  throw new Error(
    `The ${clusterOwner} user cannot reach ${layout.repositoryRoot}: no search permission on ${blocked.join(', ')}. ` +
      'Those folders are outside the repository, so they are left alone: move the checkout, or grant o+x yourself.',
  );
}

async function ownerCanTraverse(directory: string): Promise<boolean> {
  return execFileAsync('runuser', ['-u', clusterOwner, '--', 'test', '-x', directory], { cwd: '/' }).then(
    () => true,
    () => false,
  );
}

/** The cluster owner's uid and gid (`postgres`), for files it must own. */
export async function ownerIds(): Promise<{ uid: number; gid: number }> {
  const idOf = async (flag: string) => Number.parseInt((await execFileAsync('id', [flag, clusterOwner]).catch(() => ({ stdout: '' }))).stdout, 10);
  const [uid, gid] = [await idOf('-u'), await idOf('-g')];
  if (Number.isNaN(uid) || Number.isNaN(gid)) {
    throw new Error(`No ${clusterOwner} OS user (install the Debian package postgresql: bash scripts/install-system-packages.sh)`);
  }
  return { uid, gid };
}

function configurationString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
