import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { adTestConnection } from '../../../core/directory/testing/ad-test-connection.ts';

/** What one run of `rms-connector-service` produced. */
export type ServiceCliRun = { status: number | null; stdout: string; stderr: string };

/** The `CONNECTOR_*` environment of a node over `database` and the test DC. */
export function serviceEnvironment(database: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const connection = adTestConnection();
  const env = {
    PATH: process.env.PATH,
    CONNECTOR_DATABASE: database,
    CONNECTOR_LDAP_URL: connection.url,
    CONNECTOR_LDAP_CA: connection.caFile,
    CONNECTOR_LDAP_SERVERNAME: connection.serverName,
    CONNECTOR_LDAP_USER: connection.user,
    CONNECTOR_LDAP_PASSWORD: connection.password,
    CONNECTOR_LOG_LEVEL: 'warn',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(env).filter((pair): pair is [string, string] => pair[1] !== undefined));
}

/** Run one management command of the real `bin/rms-connector-service.js` to completion. */
export function runServiceCli(args: readonly string[], env: Record<string, string>): ServiceCliRun {
  const result = spawnSync(process.execPath, ['bin/rms-connector-service.js', ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A `serve` process and the URL it listens on. */
/** A `serve` process, where it listens, and everything it wrote to stderr so far. */
export type ServeProcess = { readonly child: ChildProcess; readonly url: string; readonly exited: Promise<number | null>; readonly stderr: () => string };

/** Start `serve` on `listen` (a free loopback port by default); resolves once it printed where it listens. */
export function startServeProcess(env: Record<string, string>, listen = '127.0.0.1:0'): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['bin/rms-connector-service.js', 'serve', '--listen', listen], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start in 30 s: ${stderr}`));
    }, 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /listening on (http\S+)/.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], exited, stderr: () => stderr });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${String(code)} before listening: ${stderr}`));
    });
  });
}
