import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { ConnectOptions } from '../../../core/directory/index.ts';
import { DEFAULT_ACCOUNT_RECHECK_SECONDS } from '../auth/admin-access.ts';
import type { ServiceConfig } from '../service-config.ts';
import { startService, type RunningService, type ServiceDependencies } from '../start-service.ts';
import { openConfigStore } from '../store/open-config-store.ts';

/** What a loopback node may change from the defaults tests, benches and the preview share. */
export type LoopbackNodeOptions = {
  /** The directory the node reads (sign-in binds there too). */
  readonly directory: ConnectOptions;
  /** Settings other than the defaults below (a node name, a token lifetime, a log stream…). */
  readonly config?: Partial<ServiceConfig>;
  /** A clock of the test's own, or a directory standing in for the DC's. */
  readonly dependencies?: Omit<ServiceDependencies, 'openStore'>;
  /** Share another node's database (a SQLite file, or a postgres:// URL) instead of a fresh SQLite file. */
  readonly databaseFile?: string;
  /** Where `CONNECTOR_DATABASE_PASSWORD` (or a pgpass file) comes from for a PostgreSQL database; the process's by default. */
  readonly env?: NodeJS.ProcessEnv;
  /** Folder name prefix under the system's temp folder. */
  readonly prefix?: string;
};

/** A node listening on loopback, over SQLite in a temp folder of its own unless given another database. */
export type LoopbackNode = RunningService & {
  /** The node's temp folder (removed by `dispose`). */
  readonly folder: string;
  readonly databaseFile: string;
  /** Stop the node and remove its folder. */
  dispose(): Promise<void>;
};

/**
 * Start a connector node as `rms-connector-service serve` would, on 127.0.0.1 and a free port.
 *
 * One start for the Vitest fixture, the browser harness and the service bench, which each
 * used to copy it: plain Node, no Vitest, so every caller passes its directory connection in.
 * Logs go to a sink unless `config.logging` says otherwise.
 */
export async function startLoopbackNode(options: LoopbackNodeOptions): Promise<LoopbackNode> {
  const folder = await mkdtemp(path.join(tmpdir(), options.prefix ?? 'rmsadmin-service-'));
  const databaseFile = options.databaseFile ?? path.join(folder, 'config.sqlite');
  const config: ServiceConfig = {
    database: databaseFile,
    listen: { host: '127.0.0.1', port: 0 },
    directory: options.directory,
    environment: 'AzureCloud',
    tenantUrl: 'https://0a1b2c3d-0000-4000-8000-000000000001.rms.na.aadrm.com',
    tls: undefined,
    nodeName: 'RMSCON-TEST',
    publicUrl: undefined,
    tokenLifetimeSeconds: 600,
    accountRecheckSeconds: DEFAULT_ACCOUNT_RECHECK_SECONDS,
    heartbeatSeconds: 30,
    logging: { level: 'info', stream: discardingStream() },
    ...options.config,
  };
  const env = options.env ?? process.env;
  const service = await startService(config, { ...options.dependencies, openStore: (setting) => openConfigStore(setting, env) }).catch(
    async (error: unknown) => {
      await rm(folder, { recursive: true, force: true });
      throw error;
    },
  );
  return {
    ...service,
    folder,
    databaseFile,
    async dispose() {
      await service.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** A log stream that keeps nothing: the lines are still built, as in production. */
function discardingStream(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}
