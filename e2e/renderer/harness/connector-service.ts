import type { AdminRole } from '../../../contract/connector-api/index.ts';
import type { RunningService } from '../../../connector/server/start-service.ts';
import { startLoopbackNode } from '../../../connector/server/testing/loopback-node.ts';
import type { KerberosSettings } from '../../../connector/server/service-config.ts';
import type { ChangeContext, EntryToAdd } from '../../../connector/server/store/config-store.ts';
import type { DirectoryObject } from '../../../contract/directory.ts';
import type { Role } from '../../../contract/policy.ts';
import type { AdConnection } from '../../ad/ad-connection.ts';
import { connectDirectory, type ConnectOptions } from '../../../core/directory/index.ts';
import { SEED_PASSWORD, upnOf } from './test-domain.ts';

/** A connector service node on loopback over a fresh SQLite file and the seeded DC. */
export type ConsoleTestService = {
  readonly url: string;
  readonly service: RunningService;
  /** Give a seeded account an administrator role; resolves to its SID. */
  grant(samAccountName: string, role: AdminRole): Promise<string>;
  /** Sign in over the service's HTTP API, as another client would; resolves to the bearer token. */
  signIn(samAccountName: string, password?: string): Promise<string>;
  /**
   * Write the entries the list does not hold yet (same SID and role) straight into the store:
   * another writer, and SIDs need not exist in the directory. Resolves to the list version.
   */
  ensureEntries(entries: readonly EntryToAdd[]): Promise<number>;
  /** Stop the node and delete its database. */
  dispose(): Promise<void>;
};

const SEEDING_CONTEXT: Omit<ChangeContext, 'at'> = { actor: 'e2e-seed', actorSid: null, source: 'test', node: 'e2e', correlationId: 'e2e-seed' };

/**
 * The directory connection as the service's own settings (the DC's administrator binds).
 *
 * `connector/server/testing/service-fixture.ts` cannot be used here: its `adConnectOptions()`
 * reads the connection through Vitest's `inject`, which throws outside a Vitest worker.
 */
export function directoryOptionsOf(connection: AdConnection): ConnectOptions {
  return { url: connection.url, caFile: connection.caFile, serverName: connection.serverName, user: connection.user, password: connection.password };
}

/** Where a node keeps its data and what it is called, when not the defaults (a fresh SQLite file, RMSCON01). */
export type ConsoleTestServiceOptions = {
  readonly nodeName?: string;
  /** Another node's database (a postgres:// URL for several nodes: SQLite takes one node). */
  readonly databaseFile?: string;
  /** Where `CONNECTOR_DATABASE_PASSWORD` comes from for a PostgreSQL database. */
  readonly env?: NodeJS.ProcessEnv;
  /** The node's keytab and HTTP service principal, for Negotiate sign-in (CONNECTOR_KEYTAB, CONNECTOR_SERVICE_PRINCIPAL). */
  readonly kerberos?: KerberosSettings;
  /** Seconds between scheduled super-user expansions (`CONNECTOR_DRIFT_INTERVAL`); the node's default when absent. */
  readonly driftIntervalSeconds?: number;
};

/** Start a node the way `startTestService()` does, with the DC connection passed in. */
export async function startConsoleTestService(connection: AdConnection, options: ConsoleTestServiceOptions = {}): Promise<ConsoleTestService> {
  const service = await startLoopbackNode({
    directory: directoryOptionsOf(connection),
    prefix: 'rmsadmin-e2e-service-',
    // A connector node the seed has as a computer account, so the console's "connector on a
    // server it serves" checks compare against a real node (unknown names are ignored).
    config: {
      nodeName: options.nodeName ?? 'RMSCON01',
      tokenLifetimeSeconds: 3_600,
      ...(options.kerberos === undefined ? {} : { kerberos: options.kerberos }),
      ...(options.driftIntervalSeconds === undefined ? {} : { driftIntervalSeconds: options.driftIntervalSeconds }),
    },
    ...(options.databaseFile === undefined ? {} : { databaseFile: options.databaseFile }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  return {
    url: service.url,
    service,
    async grant(samAccountName, role) {
      const sid = await sidOf(connection, upnOf(samAccountName));
      await service.store.addAdministrator({ sid, name: upnOf(samAccountName), kind: 'user', role }, { ...SEEDING_CONTEXT, at: new Date().toISOString() });
      return sid;
    },
    async signIn(samAccountName, password = SEED_PASSWORD) {
      const response = await fetch(`${service.url}/v1/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ environment: 'AzureCloud', username: upnOf(samAccountName), password }),
      });
      const body = (await response.json()) as { token?: string; code?: string };
      if (!response.ok || body.token === undefined) throw new Error(`Sign-in as ${samAccountName} failed: ${String(response.status)} ${body.code ?? ''}`);
      return body.token;
    },
    async ensureEntries(entries) {
      const list = await service.store.listAuthorizedAccounts();
      const present = new Set(list.entries.map((entry) => `${entry.sid}\n${entry.role}`));
      const missing = entries.filter((entry) => !present.has(`${entry.sid}\n${entry.role}`));
      if (missing.length === 0) return list.version;
      const outcome = await service.store.applyListChange({
        context: { ...SEEDING_CONTEXT, at: new Date().toISOString() },
        expectedVersion: list.version,
        add: missing,
        remove: [],
      });
      if (outcome.status !== 'applied') throw new Error(`Seeding the list failed: ${outcome.status}`);
      return outcome.change.version;
    },
    dispose: () => service.dispose(),
  };
}

/** The directory object of one seeded name (any form `resolveNames` takes). */
export async function seededObject(connection: AdConnection, name: string): Promise<DirectoryObject> {
  const directory = await connectDirectory(directoryOptionsOf(connection));
  try {
    const [resolution] = await directory.resolveNames([name]);
    if (resolution?.status !== 'resolved') throw new Error(`${name} did not resolve in the test domain (${resolution?.status ?? 'no answer'}).`);
    return resolution.object;
  } finally {
    await directory.close();
  }
}

/** The SID of one seeded object. */
export async function sidOf(connection: AdConnection, name: string): Promise<string> {
  return (await seededObject(connection, name)).sid;
}

/** A list entry for a seeded object as the console stores it: `CORP\sAMAccountName`, the object's kind. */
export async function entryOf(connection: AdConnection, samAccountName: string, role: Role): Promise<EntryToAdd> {
  const object = await seededObject(connection, samAccountName);
  return { sid: object.sid, name: `${connection.netbiosDomain}\\${object.samAccountName ?? object.name}`, role, kind: object.kind };
}
