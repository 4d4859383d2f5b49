import { randomUUID } from 'node:crypto';
import type { DirectoryObject } from '../../contract/directory.ts';
import type { ConnectOptions } from '../../core/directory/index.ts';
import { createServiceDirectory, type NamedObject, type ServiceDirectory } from '../../connector/server/service-directory.ts';
import type { ChangeContext, ConfigStore } from '../../connector/server/store/config-store.ts';
import { startLoopbackNode } from '../../connector/server/testing/loopback-node.ts';
import { administratorName, type BenchAccounts } from './bench-accounts.ts';
import { absoluteNow } from './load.ts';

/**
 * Time the node spent waiting for its directory in a window, summed over calls (they may
 * overlap); how many adds got that far (a POST refused as stale up front never does); and how
 * many other directory calls were already waiting when a SID look-up started, on average.
 */
export type DirectoryWait = { readonly checks: number; readonly milliseconds: number; readonly meanAlongside: number };

/** Milliseconds of each store step of an add, one value per account. */
export type StoreAddTimes = { readonly read: readonly number[]; readonly write: readonly number[] };

/** A running node with a signed-in administrator and a list at its baseline. */
export type BenchNode = {
  readonly url: string;
  /** Each node's own URL: the node itself, or the nodes behind the balancer. */
  readonly nodeUrls: readonly string[];
  readonly token: string;
  readonly store: ConfigStore;
  /** The directory wait of calls that ended between two {@link absoluteNow} moments. */
  directoryWait(from: number, to: number): DirectoryWait;
  /** Remove every entry that is not in the baseline; resolves to how many were removed. */
  resetList(): Promise<number>;
  /**
   * Add each account straight through the store as the add route does — read the list (its
   * stale check), then one write transaction — and resolve to the times of both steps.
   */
  timeStoreAdds(accounts: readonly DirectoryObject[]): Promise<StoreAddTimes>;
  close(): Promise<void>;
};

/**
 * How the node reaches the directory for adds: the DC itself, or answers held in memory.
 *
 * `memory` answers the SID look-up from the objects resolved at start and finds nothing
 * blocking (what the DC answers for the bench's bulk users); sign-in still binds to the DC.
 * The difference between the two is what the LDAP work of an add costs.
 */
export type AddDirectory = 'ldap' | 'memory';

/** A shared database for the node instead of a fresh SQLite file: a postgres:// URL and its password's environment. */
export type BenchDatabase = { readonly setting: string; readonly env: NodeJS.ProcessEnv };

/** The password of every seeded bind-test account (e2e/ad/README.md). */
const seedPassword = 'Seed-Passw0rd!';

/**
 * Start a node as `rms-connector-service` would — `startLoopbackNode`, the one start tests and
 * the browser harness use, over a fresh SQLite file — grant alice, fill the list and sign in.
 *
 * Logging stays at the service's default level (info, one line per request) but goes to a
 * sink that drops it, so the figures include building log lines, not a terminal's speed.
 */
export async function startBenchNode(
  connection: ConnectOptions,
  accounts: BenchAccounts,
  addDirectory: AddDirectory,
  database?: BenchDatabase,
): Promise<BenchNode> {
  const metered = meter(addDirectory === 'ldap' ? createServiceDirectory(connection) : fromMemory(createServiceDirectory(connection), accounts));
  const service = await startLoopbackNode({
    directory: connection,
    prefix: 'rmsadmin-bench-service-',
    config: { nodeName: `RMSCON-BENCH-${addDirectory.toUpperCase()}${database ? '-PG' : ''}`, tokenLifetimeSeconds: 3_600 },
    dependencies: { directory: metered.directory },
    ...(database ? { databaseFile: database.setting, env: database.env } : {}),
  });
  const close = () => service.dispose();
  try {
    const { store } = service;
    await store.addAdministrator(
      { sid: accounts.administrator.sid, name: accounts.administrator.name, kind: 'user', role: 'ConnectorAdministrator' },
      benchContext(),
    );
    const baseline = new Set(accounts.baseline.map((account) => account.sid));
    const filled = await store.applyListChange({ context: benchContext(), expectedVersion: 0, add: accounts.baseline.map(entryOf), remove: [] });
    if (filled.status !== 'applied') throw new Error(`Filling the list failed: ${filled.status}`);
    const token = await signIn(service.url);
    return {
      url: service.url,
      nodeUrls: [service.url],
      token,
      store,
      directoryWait: metered.wait,
      async resetList() {
        const list = await store.listAuthorizedAccounts();
        const remove = list.entries.filter((entry) => !baseline.has(entry.sid)).map((entry) => entry.id);
        if (remove.length === 0) return 0;
        const outcome = await store.applyListChange({ context: benchContext(), expectedVersion: list.version, add: [], remove });
        if (outcome.status !== 'applied') throw new Error(`Resetting the list failed: ${outcome.status}`);
        return remove.length;
      },
      async timeStoreAdds(toAdd) {
        const times = { read: [] as number[], write: [] as number[] };
        for (const account of toAdd) {
          const started = performance.now();
          const { version } = await store.listAuthorizedAccounts();
          const read = performance.now();
          const outcome = await store.applyListChange({ context: benchContext(), expectedVersion: version, add: [entryOf(account)], remove: [] });
          times.write.push(performance.now() - read);
          times.read.push(read - started);
          if (outcome.status !== 'applied') throw new Error(`Adding ${account.name} through the store failed: ${outcome.status}`);
        }
        return times;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Sign alice in over HTTP, as the console does, and return the bearer token. */
export async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/v1/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ environment: 'AzureCloud', username: administratorName, password: seedPassword }),
  });
  const body = (await response.json()) as { token?: string; code?: string };
  if (!response.ok || body.token === undefined) throw new Error(`Sign-in as alice failed: ${response.status} ${body.code ?? ''}`);
  return body.token;
}

function entryOf(account: DirectoryObject) {
  return { sid: account.sid, name: account.name, role: 'sharepoint' as const, kind: account.kind };
}

function benchContext(): ChangeContext {
  return { actor: 'bench', actorSid: null, source: 'bench', node: 'bench', correlationId: randomUUID(), at: new Date().toISOString() };
}

/** The service's directory with SID look-ups answered from the accounts resolved at start (see {@link AddDirectory}). */
export function fromMemory(real: ServiceDirectory, accounts: BenchAccounts): ServiceDirectory {
  const known = new Map([...accounts.baseline, ...accounts.pool].map((account) => [account.sid, account]));
  const objectsBySid = (sids: readonly string[]) => {
    const found = new Map<string, NamedObject>();
    for (const sid of sids) {
      const account = known.get(sid);
      if (account) found.set(sid, { object: account, accountName: `CORP\\${account.samAccountName ?? account.name}` });
    }
    return Promise.resolve(found);
  };
  return { ...real, objectsBySid, blockingFindings: () => Promise.resolve([]) };
}

/** Wrap the two calls an add makes, recording when each ended and how long it took. */
function meter(inner: ServiceDirectory): { directory: ServiceDirectory; wait: (from: number, to: number) => DirectoryWait } {
  const calls: { readonly check: boolean; readonly end: number; readonly milliseconds: number; readonly alongside: number }[] = [];
  let inFlight = 0;
  const timed = async <T>(check: boolean, work: () => Promise<T>): Promise<T> => {
    const alongside = inFlight;
    inFlight += 1;
    const started = performance.now();
    try {
      return await work();
    } finally {
      inFlight -= 1;
      calls.push({ check, end: absoluteNow(), milliseconds: performance.now() - started, alongside });
    }
  };
  return {
    directory: {
      ...inner,
      objectsBySid: (sids) => timed(true, () => inner.objectsBySid(sids)),
      blockingFindings: (role, object) => timed(false, () => inner.blockingFindings(role, object)),
    },
    wait: (from, to) => {
      const inside = calls.filter((call) => call.end >= from && call.end <= to);
      const checks = inside.filter((call) => call.check);
      const meanAlongside = checks.reduce((sum, call) => sum + call.alongside, 0) / Math.max(1, checks.length);
      return { checks: checks.length, milliseconds: inside.reduce((sum, call) => sum + call.milliseconds, 0), meanAlongside };
    },
  };
}
