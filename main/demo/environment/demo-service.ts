import { DEFAULT_ACCOUNT_RECHECK_SECONDS } from '../../../connector/server/auth/admin-access.ts';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startService, type RunningService } from '../../../connector/server/start-service.ts';
import { SERVICE_VERSION } from '../../../connector/server/service-version.ts';
import type { NodeRegistration } from '../../../connector/server/store/config-store.ts';
import { openSqliteStore } from '../../../connector/server/store/sqlite/sqlite-store.ts';
import { connectDirectory, type ConnectOptions } from '../../../core/directory/index.ts';
import type { DemoSignIn } from '../../ipc/console-ports.ts';
import type { DemoDirectoryHandle } from './demo-directory-port.ts';
import { issueDemoServiceTls } from './demo-service-tls.ts';

/** The node the console talks to, and the second one that makes the deployment look recommended. */
export const DEMO_NODE = 'RMSCON01';
export const DEMO_SECOND_NODE = 'RMSCON02';
const HEARTBEAT_SECONDS = 30;
/** A tenant URL of the shape the real service reports; the demo never calls it. */
const DEMO_TENANT_URL = 'https://00000000-0000-4000-8000-00000000de70.rms.na.aadrm.com';
const SEEDING = { actorSid: null, source: 'demo', node: DEMO_NODE } as const;

/** The running demo service, the directory under it, and how main signs in to both. */
export type DemoService = {
  readonly signIn: DemoSignIn;
  close(): Promise<void>;
};

/**
 * Start the connector service of the demo over `<folder>/config.sqlite` and the demo directory.
 *
 * HTTPS on 127.0.0.1 with a certificate from a CA of the demo's own, which the console
 * trusts for this sign-in only (as it would an enterprise CA). On first start the directory's administrator is made a Global Administrator, so the demo
 * signs in as that account. A second node, RMSCON02, heartbeats from here, so the console
 * shows two nodes as a recommended deployment has; its heartbeat is marked stale before
 * the service opens the file, since SQLite otherwise refuses to be shared with a live node.
 */
export async function startDemoService(options: { folder: string; directory: DemoDirectoryHandle }): Promise<DemoService> {
  const { directory } = options;
  const connection: ConnectOptions = {
    url: directory.url,
    caFile: directory.caFile,
    serverName: directory.serverName,
    user: directory.administrator.user,
    password: directory.administrator.password,
  };
  const tls = await issueDemoServiceTls(options.folder);
  const startedAt = new Date().toISOString();
  // RMSCON02 answers nowhere: it only heartbeats, under the name a real second node would have.
  const secondNodeUrl = `https://${DEMO_SECOND_NODE.toLowerCase()}.${directory.dnsDomainName}`;
  const secondNode: NodeRegistration = {
    id: DEMO_SECOND_NODE.toLowerCase(),
    name: DEMO_SECOND_NODE,
    version: SERVICE_VERSION,
    url: secondNodeUrl,
    tls: true,
    startedAt,
  };
  const service: RunningService = await startService(
    {
      database: path.join(options.folder, 'config.sqlite'),
      listen: { host: '127.0.0.1', port: 0 },
      directory: connection,
      environment: 'AzureCloud',
      tenantUrl: DEMO_TENANT_URL,
      tls: { certFile: tls.certFile, keyFile: tls.keyFile },
      nodeName: DEMO_NODE,
      publicUrl: undefined,
      tokenLifetimeSeconds: 3_600,
      accountRecheckSeconds: DEFAULT_ACCOUNT_RECHECK_SECONDS,
      heartbeatSeconds: HEARTBEAT_SECONDS,
      logging: { level: 'silent', stream: discard() },
    },
    {
      async openStore(file) {
        const store = openSqliteStore(file);
        await store.heartbeat(secondNode, new Date(0).toISOString());
        return store;
      },
    },
  );
  try {
    await service.store.heartbeat(secondNode, new Date().toISOString());
    await grantAdministrator(service, connection);
  } catch (error) {
    await service.close();
    throw error;
  }
  const timer = setInterval(() => {
    service.store.heartbeat(secondNode, new Date().toISOString()).catch(() => undefined);
  }, HEARTBEAT_SECONDS * 1000);
  timer.unref();
  return {
    signIn: {
      environment: 'AzureCloud',
      serviceUrl: service.url,
      serviceCaFile: tls.caFile,
      username: directory.administrator.user,
      password: directory.administrator.password,
      directory: { mode: 'server', serverUrl: directory.url, transport: 'ldaps', caFile: directory.caFile, serverName: directory.serverName },
    },
    async close() {
      clearInterval(timer);
      await Promise.allSettled([service.close()]);
      await directory.close();
    },
  };
}

/** Make the directory's administrator a Global Administrator (once: a second add is a no-op). */
async function grantAdministrator(service: RunningService, connection: ConnectOptions): Promise<void> {
  const existing = await service.store.listAdministrators();
  if (existing.some((administrator) => administrator.role === 'GlobalAdministrator')) return;
  const reader = await connectDirectory(connection);
  try {
    const [resolution] = await reader.resolveNames([connection.user]);
    if (resolution?.status !== 'resolved') throw new Error(`The demo's administrator ${connection.user} was not found in the demo directory.`);
    const at = new Date().toISOString();
    await service.store.addAdministrator(
      { sid: resolution.object.sid, name: connection.user, kind: 'user', role: 'GlobalAdministrator' },
      { ...SEEDING, actor: 'demo-setup', correlationId: `demo-setup-${at}`, at },
    );
  } finally {
    await reader.close();
  }
}

function discard(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}
