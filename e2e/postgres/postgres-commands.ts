import { execFile } from 'node:child_process';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ClusterLayout } from './cluster-layout.ts';

const execFileAsync = promisify(execFile);

const postgresRoot = '/usr/lib/postgresql';

/**
 * The OS user that owns and runs the clusters when the tests run as root.
 *
 * PostgreSQL refuses to run as root; the Debian package creates this user.
 */
export const clusterOwner = 'postgres';

/**
 * The bin folder of the newest PostgreSQL installed from Debian's packages, and its major version.
 *
 * Looked up instead of hard-coding 15, so a machine with a newer major version still works (a
 * cluster built by another major version is rebuilt: the ready marker records the version).
 */
export async function postgresBinaries(): Promise<{ binDirectory: string; majorVersion: string }> {
  const versions = (await readdir(postgresRoot).catch(() => [])).filter((entry) => /^\d+$/.test(entry));
  versions.sort((left, right) => Number(right) - Number(left));
  for (const version of versions) {
    const binDirectory = path.join(postgresRoot, version, 'bin');
    if (await isFile(path.join(binDirectory, 'initdb'))) return { binDirectory, majorVersion: version };
  }
  throw new Error(`No PostgreSQL server under ${postgresRoot}/<version>/bin (install the Debian package postgresql: bash scripts/install-system-packages.sh)`);
}

/**
 * True when this process runs as root and must hand PostgreSQL commands to the `postgres` user.
 *
 * As an ordinary user the commands run directly and the cluster belongs to that user.
 */
export function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * Run a PostgreSQL program (initdb, pg_ctl, …) as the cluster's owner and return its output.
 *
 * As root it goes through `runuser -u postgres --`; it runs inside the cluster folder because
 * the caller's working directory may be closed to that user. Failures carry the program's output.
 * `environment` adds variables to the cleaned environment (PGPASSWORD for pg_basebackup, which
 * keeps the password off the command line that `ps` shows).
 */
export async function runAsClusterOwner(
  layout: ClusterLayout,
  program: string,
  parameters: readonly string[],
  timeoutMs = 120_000,
  environment: Readonly<Record<string, string>> = {},
): Promise<string> {
  const { binDirectory } = await postgresBinaries();
  const executable = path.join(binDirectory, program);
  const [command, commandParameters] = runsAsRoot() ? ['runuser', ['-u', clusterOwner, '--', executable, ...parameters]] : [executable, [...parameters]];
  try {
    const { stdout, stderr } = await execFileAsync(command, commandParameters, {
      cwd: layout.directory,
      env: { ...cleanEnvironment(), ...environment },
      timeout: timeoutMs,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string; message?: string };
    // execFile's message repeats stderr after its first line; keep only the command line from it.
    const commandLine = (output.message ?? '').split('\n')[0] ?? '';
    throw new Error(`${program} failed: ${commandLine}\n${`${output.stdout ?? ''}${output.stderr ?? ''}`.trim()}`, { cause: error });
  }
}

/**
 * Whether the cluster's postmaster runs, according to `pg_ctl status`.
 *
 * Exit code 3 means "not running"; 4 means there is no usable data directory, which is also
 * "not running" as far as starting and stopping are concerned.
 */
export async function clusterIsRunning(layout: ClusterLayout): Promise<boolean> {
  if (!(await isFile(path.join(layout.dataDirectory, 'PG_VERSION')))) return false;
  try {
    await runAsClusterOwner(layout, 'pg_ctl', ['status', '-D', layout.dataDirectory], 30_000);
    return true;
  } catch (error) {
    const exitCode = (error as { cause?: { code?: unknown } }).cause?.code;
    if (exitCode === 3 || exitCode === 4) return false;
    throw error;
  }
}

/**
 * Start the postmaster and wait until it accepts connections.
 *
 * pg_ctl detaches the postmaster into a session of its own, so a Ctrl-C in the terminal that ran
 * the tests does not stop it. A failure carries the tail of the server log.
 */
export async function startCluster(layout: ClusterLayout): Promise<void> {
  try {
    await runAsClusterOwner(layout, 'pg_ctl', ['start', '-D', layout.dataDirectory, '-l', layout.logFile, '-w', '-t', '60'], 90_000);
  } catch (error) {
    const tail = await clusterLogTail(layout);
    const portHint = tail.includes('Address already in use')
      ? `\nPort ${layout.port} on ${layout.host} is taken by another process (another checkout's test cluster? see: ss -ltnp 'sport = :${layout.port}'); stop it with its own pg:down.`
      : '';
    throw new Error(`${error instanceof Error ? error.message : String(error)}${portHint}\nTail of ${layout.logFile}:\n${tail}`, { cause: error });
  }
}

/**
 * Stop the postmaster, if it runs: a fast shutdown unless `mode` asks for an immediate one.
 *
 * Fast rolls back open sessions and keeps the data, so the next start takes about a second.
 * Immediate is a crash (no shutdown checkpoint; the next start runs crash recovery): what the
 * high-availability tests inflict on a primary, and the quickest way to drop a throwaway cluster.
 * A postmaster that died on its own counts as stopped.
 */
export async function stopCluster(layout: ClusterLayout, mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
  if (!(await clusterIsRunning(layout))) return;
  try {
    await runAsClusterOwner(layout, 'pg_ctl', ['stop', '-D', layout.dataDirectory, '-m', mode, '-w', '-t', '60'], 90_000);
  } catch (error) {
    // A postmaster that was dying anyway (killed, crashed) makes pg_ctl report "server does not
    // shut down" while leaving its pid file behind; the next start copes with that file.
    if (await clusterIsRunning(layout)) throw error;
  }
}

/**
 * The last lines of the cluster's server log, for error messages.
 *
 * Startup failures (a taken port, bad settings) are explained there, not in pg_ctl's output.
 */
export async function clusterLogTail(layout: ClusterLayout, lines = 20): Promise<string> {
  const text = await readFile(layout.logFile, 'utf8').catch(() => '(no log)');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

function cleanEnvironment(): NodeJS.ProcessEnv {
  // PGDATA, PGPORT, PGHOST… from the caller's shell would override what we pass on the command line.
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PG')));
}
