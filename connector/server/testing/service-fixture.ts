import { DEFAULT_ACCOUNT_RECHECK_SECONDS } from '../auth/admin-access.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { adConnectOptions, SEED_PASSWORD } from '../../../main/core/directory/testing/ad-test-connection.ts';
import type { AdminRole, CloudEnvironment } from '../../api/index.ts';
import type { ServiceConfig } from '../service-config.ts';
import { startService, type RunningService } from '../start-service.ts';
import type { ChangeContext } from '../store/config-store.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { seedSid } from './seed-sids.ts';

/** A service node on loopback over a fresh SQLite file and the seeded Samba DC. */
export type TestService = RunningService & {
  readonly directory: string;
  readonly databaseFile: string;
  /** Every log line the node wrote, for "no secret in the logs" checks. */
  readonly logLines: string[];
  grant(account: string, role: AdminRole, kind?: 'user' | 'group'): Promise<string>;
  signIn(account: string, password?: string): Promise<string>;
  dispose(): Promise<void>;
};

/** The change context of fixture-made changes. */
export const FIXTURE_CONTEXT: ChangeContext = { actor: 'test-fixture', actorSid: null, source: 'test', node: 'test', correlationId: 'fixture', at: '2026-01-01T00:00:00.000Z' };

/**
 * Start a node for one test file; `dispose` stops it and deletes its database.
 *
 * `now` moves the node's clock (token expiry, account re-checks) without waiting; `databaseFile`
 * lets a second node share the first one's database.
 */
export async function startTestService(overrides: Partial<ServiceConfig> = {}, options: { readonly now?: () => Date; readonly databaseFile?: string } = {}): Promise<TestService> {
  const directory = mkdtempSync(join(tmpdir(), 'rmsadmin-service-'));
  const databaseFile = options.databaseFile ?? join(directory, 'config.sqlite');
  const logLines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(chunk.toString('utf8'));
      callback();
    },
  });
  const config: ServiceConfig = {
    database: databaseFile,
    listen: { host: '127.0.0.1', port: 0 },
    directory: adConnectOptions(),
    environment: 'AzureCloud',
    tenantUrl: 'https://0a1b2c3d-0000-4000-8000-000000000001.rms.na.aadrm.com',
    tls: undefined,
    nodeName: 'RMSCON-TEST',
    publicUrl: undefined,
    tokenLifetimeSeconds: 600,
    accountRecheckSeconds: DEFAULT_ACCOUNT_RECHECK_SECONDS,
    heartbeatSeconds: 30,
    logging: { level: 'info', stream },
    ...overrides,
  };
  const service = await startService(config, { openStore: (path) => Promise.resolve(openSqliteStore(path)), ...(options.now ? { now: options.now } : {}) });
  const environment: CloudEnvironment = config.environment;
  return {
    ...service,
    directory,
    databaseFile,
    logLines,
    async grant(account, role, kind = 'user') {
      const sid = await seedSid(account);
      await service.store.addAdministrator({ sid, name: account, kind, role }, FIXTURE_CONTEXT);
      return sid;
    },
    async signIn(account, password = SEED_PASSWORD) {
      const response = await fetch(`${service.url}/v1/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ environment, username: account, password }) });
      const body = (await response.json()) as { token?: string; code?: string };
      if (!response.ok || body.token === undefined) throw new Error(`Sign-in as ${account} failed: ${String(response.status)} ${body.code ?? ''}`);
      return body.token;
    },
    async dispose() {
      await service.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** UPN of a seeded account. */
export function upnOf(samAccountName: string): string {
  return `${samAccountName}@corp.contoso.test`;
}
