import { spawn, spawnSync } from 'node:child_process';
import { adTestConnection } from '../../../core/directory/testing/ad-test-connection.ts';

/** What one run of the real command line produced. */
export type CliRun = { status: number | null; stdout: string; stderr: string };

/**
 * Run `bin/rms-connector-admin.js` as a separate process against the test DC.
 *
 * The connection comes from `RMSADMIN_LDAP_*` variables; a test overrides or removes one by
 * passing it (undefined removes it). Only PATH is inherited, so nothing else leaks in.
 */
export function runCliProcess(args: readonly string[], options: { env?: Record<string, string | undefined>; input?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, ['bin/rms-connector-admin.js', ...args], {
    env: cliEnvironment(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * {@link runCliProcess} without blocking the test's event loop — needed when the test
 * process itself serves what the command line talks to (a connector service node).
 */
export function runCliProcessAsync(args: readonly string[], options: { env?: Record<string, string | undefined>; input?: string } = {}): Promise<CliRun> {
  const child = spawn(process.execPath, ['bin/rms-connector-admin.js', ...args], { env: cliEnvironment(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(options.input ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => {
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** A command line still running: what it wrote so far, a way to signal it, and its end. */
export type RunningCli = {
  stdout(): string;
  stderr(): string;
  signal(name: NodeJS.Signals): void;
  readonly exited: Promise<CliRun>;
};

/**
 * Start the command line and leave it running, for commands that run until stopped
 * (`servers watch`); killed after 60 s if still running.
 */
export function startCliProcess(args: readonly string[], options: { env?: Record<string, string | undefined> } = {}): RunningCli {
  const child = spawn(process.execPath, ['bin/rms-connector-admin.js', ...args], { env: cliEnvironment(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const exited = new Promise<CliRun>((resolve) => {
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    signal: (name) => child.kill(name),
    exited,
  };
}

/** The test DC connection as `RMSADMIN_LDAP_*` variables, PATH, and the overrides (undefined removes one). */
export function cliEnvironment(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const connection = adTestConnection();
  const env = {
    PATH: process.env.PATH,
    RMSADMIN_LDAP_URL: connection.url,
    RMSADMIN_LDAP_CA: connection.caFile,
    RMSADMIN_LDAP_SERVERNAME: connection.serverName,
    RMSADMIN_LDAP_USER: connection.user,
    RMSADMIN_LDAP_PASSWORD: connection.password,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(env).filter((pair): pair is [string, string] => pair[1] !== undefined));
}
