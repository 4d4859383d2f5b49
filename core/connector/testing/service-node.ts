import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adTestConnection } from '../../directory/testing/ad-test-connection.ts';

/** A running `rms-connector-service serve` process over a fresh SQLite file and the test DC. */
export type ServiceNode = {
  readonly url: string;
  /** Ends the node as a service manager does (SIGTERM: streams end with SERVICE_STOPPING). */
  stop(): Promise<void>;
  /** Stops the node if it runs and deletes its database. */
  dispose(): Promise<void>;
};

/**
 * Start the real service binary as its own process, with `admins` granted ConnectorAdministrator
 * first through its management command.
 *
 * A process, not the service's modules: core may not import the service's code, and the node
 * that ships is the one worth testing the client against.
 */
export async function startServiceNode(admins: readonly string[], settings: Readonly<Record<string, string>> = {}): Promise<ServiceNode> {
  const folder = mkdtempSync(join(tmpdir(), 'rmsadmin-feed-node-'));
  const connection = adTestConnection();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    CONNECTOR_DATABASE: join(folder, 'config.sqlite'),
    CONNECTOR_LDAP_URL: connection.url,
    CONNECTOR_LDAP_CA: connection.caFile,
    CONNECTOR_LDAP_SERVERNAME: connection.serverName,
    CONNECTOR_LDAP_USER: connection.user,
    CONNECTOR_LDAP_PASSWORD: connection.password,
    CONNECTOR_LOG_LEVEL: 'warn',
    CONNECTOR_NODE_NAME: 'RMSCON-FEED',
    ...settings,
  };
  for (const admin of admins) {
    const granted = spawnSync(process.execPath, ['bin/rms-connector-service.js', 'admins', 'add', '--user', admin, '--role', 'ConnectorAdministrator'], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (granted.status !== 0) throw new Error(`admins add ${admin} failed: ${granted.stderr}`);
  }
  const child = spawn(process.execPath, ['bin/rms-connector-service.js', 'serve', '--listen', '127.0.0.1:0'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start in 30 s: ${stderr}`));
    }, 30_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /listening on (http\S+)/.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`serve exited before listening: ${stderr}`));
    });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return {
    url,
    stop,
    dispose: async () => {
      await stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
