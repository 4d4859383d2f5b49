import { Writable } from 'node:stream';
import { adConnectOptions, SEED_PASSWORD } from '../../../core/directory/testing/ad-test-connection.ts';
import type { AdminRole, CloudEnvironment } from '../../../contract/connector-api/index.ts';
import type { ServiceConfig } from '../service-config.ts';
import type { RunningService } from '../start-service.ts';
import type { ChangeContext } from '../store/config-store.ts';
import { startLoopbackNode } from './loopback-node.ts';
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
export const FIXTURE_CONTEXT: ChangeContext = {
  actor: 'test-fixture',
  actorSid: null,
  source: 'test',
  node: 'test',
  correlationId: 'fixture',
  at: '2026-01-01T00:00:00.000Z',
};

/**
 * Start a node for one test file; `dispose` stops it and deletes its database.
 *
 * `now` moves the node's clock (token expiry, account re-checks) without waiting; `databaseFile`
 * lets a second node share the first one's database, or names a postgres:// database whose
 * password `env` holds (CONNECTOR_DATABASE_PASSWORD).
 */
export async function startTestService(
  overrides: Partial<ServiceConfig> = {},
  options: { readonly now?: () => Date; readonly databaseFile?: string; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<TestService> {
  const logLines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(chunk.toString('utf8'));
      callback();
    },
  });
  const config = { logging: { level: 'info' as const, stream }, ...overrides };
  const service = await startLoopbackNode({
    directory: adConnectOptions(),
    config,
    ...(options.now ? { dependencies: { now: options.now } } : {}),
    ...(options.databaseFile === undefined ? {} : { databaseFile: options.databaseFile }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  const { folder: directory, databaseFile } = service;
  const environment: CloudEnvironment = config.environment ?? 'AzureCloud';
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
      const response = await fetch(`${service.url}/v1/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ environment, username: account, password }),
      });
      const body = (await response.json()) as { token?: string; code?: string };
      if (!response.ok || body.token === undefined) throw new Error(`Sign-in as ${account} failed: ${String(response.status)} ${body.code ?? ''}`);
      return body.token;
    },
    dispose: () => service.dispose(),
  };
}

/** UPN of a seeded account. */
export function upnOf(samAccountName: string): string {
  return `${samAccountName}@corp.contoso.test`;
}
