import { createClaimReleaser } from './claim-releaser.ts';
import { IDEMPOTENCY_CLAIM_SECONDS } from './routes/authorized-account-routes.ts';
import { readFile } from 'node:fs/promises';
import type { ConnectOptions } from '../../core/directory/index.ts';
import { CaFileError, describeCaFileRefusal, readCaFile } from '../../core/tls/read-ca-file.ts';
import type { FastifyInstance } from 'fastify';
import { createAdminAccess } from './auth/admin-access.ts';
import { openNodeKeytab } from './auth/node-keytab.ts';
import { createSignIn } from './auth/sign-in.ts';
import { createTokenAuthority } from './auth/tokens.ts';
import { MISSED_HEARTBEATS } from './routes/administration-routes.ts';
import { buildServiceApp } from './service-app.ts';
import { startChangeFeed, type ChangeFeed } from './feed/change-feed.ts';
import { createAuthorizedListCache } from './routes/authorized-list-cache.ts';
import { DEFAULT_DRIFT_INTERVAL_SECONDS, DEFAULT_FEED_SETTINGS, type ServiceConfig } from './service-config.ts';
import { startSuperUserDrift, type SuperUserDrift } from './drift/super-user-drift.ts';
import type { ServiceContext } from './service-context.ts';
import { createServiceDirectory, type ServiceDirectory } from './service-directory.ts';
import type { ConfigStore, NodeRegistration } from './store/config-store.ts';
import { SERVICE_VERSION } from './service-version.ts';

const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** A node that is listening, heartbeating, and can be stopped cleanly. */
export type RunningService = {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly store: ConfigStore;
  /** The node's super-user drift watcher (tests expand on demand through it). */
  readonly drift: SuperUserDrift;
  close(): Promise<void>;
};

/** How the node reaches its database and directory (tests may pass their own). */
export type ServiceDependencies = {
  readonly openStore: (path: string) => Promise<ConfigStore>;
  readonly directory?: ServiceDirectory;
  readonly now?: () => Date;
};

/**
 * Start one connector node: open the store, refuse to share SQLite with another live node,
 * listen, register and heartbeat.
 *
 * Order matters: nothing listens before the store opened and the TLS files were read, so a
 * bad configuration stops the node at start instead of at the first request.
 */
export async function startService(config: ServiceConfig, dependencies: ServiceDependencies): Promise<RunningService> {
  const now = dependencies.now ?? (() => new Date());
  const https = config.tls ? await readTls(config.tls) : undefined;
  const directoryOptions = await withDirectoryCaRead(config.directory);
  const negotiate = config.kerberos ? await openNodeKeytab(config.kerberos) : undefined;
  const store = await dependencies.openStore(config.database);
  let feed: ChangeFeed | undefined;
  let drift: SuperUserDrift | undefined;
  try {
    await refuseSharedSqlite(store, config, now());
    const directory = dependencies.directory ?? createServiceDirectory(directoryOptions);
    const tokens = createTokenAuthority(await store.tokenSigningKey(), config.environment, config.tokenLifetimeSeconds);
    const access = createAdminAccess({ store, directory, tokens, now, accountRecheckSeconds: config.accountRecheckSeconds });
    // The app's logger exists only once the app is built; until then nothing can fail to release.
    let logReleaseFailure: (error: unknown) => void = () => undefined;
    const claims = createClaimReleaser(store, IDEMPOTENCY_CLAIM_SECONDS, (error) => {
      logReleaseFailure(error);
    });
    // Like the claims, the feed logs through the app once there is one.
    let logFeed: (message: string, error?: unknown) => void = () => undefined;
    let logStream: (message: string, details: Readonly<Record<string, unknown>>) => void = () => undefined;
    const feedSettings = { ...DEFAULT_FEED_SETTINGS, ...config.feed };
    feed = await startChangeFeed({
      store,
      access,
      nodeName: config.nodeName,
      now,
      heartbeatSeconds: feedSettings.heartbeatSeconds,
      // A stream re-checks its admin as often as a request would read the account again, and at least every minute.
      recheckSeconds: Math.min(Math.max(config.accountRecheckSeconds, 10), 60),
      limits: { perNode: feedSettings.streamsPerNode, perAdmin: feedSettings.streamsPerAdmin },
      log: (message, error) => {
        logFeed(message, error);
      },
      logStream: (message, details) => {
        logStream(message, details);
      },
    });
    const context: ServiceContext = {
      store,
      directory,
      tokens,
      access,
      signIn: createSignIn({ store, directory, tokens, access, environment: config.environment, now, negotiate }),
      environment: config.environment,
      nodeName: config.nodeName,
      version: SERVICE_VERSION,
      tenantUrl: config.tenantUrl,
      heartbeatSeconds: config.heartbeatSeconds,
      now,
      claims,
      feed,
      listCache: createAuthorizedListCache(store, () => (feed?.hub.isCurrent() ? feed.hub.position().listVersion : undefined)),
    };
    const app = await buildServiceApp(context, config.logging, https, config.trustedProxies);
    // Once closing, the app answers new requests 503; then the streams end, each telling its
    // client why (they would otherwise hold the server open), before the server closes.
    const openFeed = feed;
    app.addHook('preClose', async () => {
      await openFeed.close();
    });
    logReleaseFailure = (error) => {
      app.log.warn({ err: error }, 'an idempotency claim could not be released; it expires by itself');
    };
    logFeed = (message, error) => {
      app.log.warn(error === undefined ? {} : { err: error }, message);
    };
    logStream = (message, details) => {
      app.log.info(details, message);
    };
    // Observations are audited under the node's directory identity: no admin made them.
    const nodeDrift = startSuperUserDrift({
      store,
      directory,
      nodeName: config.nodeName,
      actor: config.directory.user,
      intervalSeconds: config.driftIntervalSeconds ?? DEFAULT_DRIFT_INTERVAL_SECONDS,
      now,
      log: (level, message, details) => {
        app.log[level](details, message);
      },
    });
    drift = nodeDrift;
    const unsubscribeDrift = openFeed.hub.subscribe((events) => {
      nodeDrift.changed(events);
    });
    app.addHook('preClose', async () => {
      unsubscribeDrift();
      await nodeDrift.close();
    });
    const address = await app.listen({ host: config.listen.host, port: config.listen.port });
    const url = config.publicUrl ?? address;
    const registration: NodeRegistration = {
      id: config.nodeName.toLowerCase(),
      name: config.nodeName,
      version: SERVICE_VERSION,
      url,
      tls: https !== undefined,
      startedAt: now().toISOString(),
    };
    await store.heartbeat(registration, now().toISOString());
    const timer = setInterval(() => {
      const at = now();
      store.heartbeat(registration, at.toISOString()).catch((error: unknown) => {
        app.log.error({ err: error }, 'heartbeat failed');
      });
      // Idempotency keys are promised for 24 hours (see the API's Idempotency-Key header).
      store.pruneIdempotencyKeys(new Date(at.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS).toISOString()).catch((error: unknown) => {
        app.log.error({ err: error }, 'pruning idempotency keys failed');
      });
    }, config.heartbeatSeconds * 1000);
    timer.unref();
    return {
      url: address,
      app,
      store,
      drift: nodeDrift,
      async close() {
        clearInterval(timer);
        claims.close();
        await app.close();
        await directory.close();
        await store.close();
      },
    };
  } catch (error) {
    await drift?.close();
    await feed?.close();
    await store.close();
    throw error;
  }
}

async function readTls(tls: NonNullable<ServiceConfig['tls']>): Promise<{ cert: Buffer; key: Buffer }> {
  const read = async (file: string, setting: string) => {
    try {
      return await readFile(file);
    } catch (error) {
      throw new Error(`${setting}: cannot read "${file}" (${(error as NodeJS.ErrnoException).code ?? 'error'}). Give a PEM file the service can read.`);
    }
  };
  return { cert: await read(tls.certFile, 'CONNECTOR_TLS_CERT'), key: await read(tls.keyFile, 'CONNECTOR_TLS_KEY') };
}

/**
 * Read the directory's CA file once, at start, through the safe reader.
 *
 * A CA file that cannot be used stops the node with the setting's name, instead of turning
 * every later sign-in into an error that would tell an unauthenticated caller about a file on
 * the server.
 */
async function withDirectoryCaRead(options: ConnectOptions): Promise<ConnectOptions> {
  const { caFile, ...rest } = options;
  if (caFile === undefined) return options;
  try {
    return { ...rest, caPem: (await readCaFile(caFile)).pem };
  } catch (error) {
    if (error instanceof CaFileError) throw new Error(`CONNECTOR_LDAP_CA: ${describeCaFileRefusal(caFile, error)}`);
    throw error;
  }
}

async function refuseSharedSqlite(store: ConfigStore, config: ServiceConfig, now: Date): Promise<void> {
  if (store.kind !== 'sqlite') return;
  const limit = MISSED_HEARTBEATS * config.heartbeatSeconds * 1000;
  const others = (await store.listNodes()).filter((node) => node.id !== config.nodeName.toLowerCase() && now.getTime() - Date.parse(node.lastSeenAt) <= limit);
  const [other] = others;
  if (other) {
    throw new Error(
      `CONNECTOR_DATABASE: the SQLite database "${config.database}" is in use by connector node ${other.name} (last heartbeat ${other.lastSeenAt}). SQLite serves a single node; run several nodes on PostgreSQL, or stop ${other.name} first.`,
    );
  }
}
