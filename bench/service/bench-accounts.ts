import type { DirectoryObject } from '../../contract/directory.ts';
import { connectDirectory, MAX_NAMES_PER_CALL, type ConnectOptions } from '../../core/directory/index.ts';
import { evaluateAuthorization } from '../../core/policy/evaluate-authorization.ts';
import { gatherAuthorizationFacts } from '../../core/policy/gather-facts.ts';
import { median } from '../directory/measure.ts';

/** The seeded accounts the benchmark uses, resolved once. */
export type BenchAccounts = {
  /** `alice@corp.contoso.test`, granted ConnectorAdministrator on each node. */
  readonly administrator: DirectoryObject;
  /** Bulk users 0001–0100: the list every run starts from. */
  readonly baseline: readonly DirectoryObject[];
  /** Bulk users 0101–2600: what the add loops authorize, each at most once per run. */
  readonly pool: readonly DirectoryObject[];
};

/** What one add asks of the DC when nothing else runs: LDAP round trips and wall time. */
export type LookupCost = { readonly roundTrips: number; readonly medianMilliseconds: number; readonly samples: number };

/** The seed's administrator account the bench signs in as (e2e/ad seed). */
export const administratorName = 'alice@corp.contoso.test';
/** Accounts the list starts with. */
export const baselineSize = 100;
/** Bulk users the seed creates (`bulk.user.0001`–`2600`, see e2e/ad/seed-data.ts). */
const bulkUserCount = 2_600;

/**
 * Resolve alice and every bulk user, in batches of {@link MAX_NAMES_PER_CALL}.
 *
 * Real SIDs, because the node looks each added SID up in the directory and refuses one it
 * cannot find; made-up SIDs would measure the refusal instead of the add.
 */
export async function resolveBenchAccounts(options: ConnectOptions): Promise<BenchAccounts> {
  const directory = await connectDirectory(options);
  try {
    const names = [administratorName, ...Array.from({ length: bulkUserCount }, (_unused, index) => `bulk.user.${String(index + 1).padStart(4, '0')}`)];
    const objects: DirectoryObject[] = [];
    for (let start = 0; start < names.length; start += MAX_NAMES_PER_CALL) {
      for (const resolution of await directory.resolveNames(names.slice(start, start + MAX_NAMES_PER_CALL))) {
        if (resolution.status !== 'resolved') throw new Error(`${resolution.input} did not resolve (${resolution.status}); is the DC seeded (npm run ad:up)?`);
        objects.push(resolution.object);
      }
    }
    const [administrator, ...bulk] = objects;
    if (administrator === undefined) throw new Error(`${administratorName} did not resolve.`);
    return { administrator, baseline: bulk.slice(0, baselineSize), pool: bulk.slice(baselineSize) };
  } finally {
    await directory.close();
  }
}

/**
 * Do what the node's directory does for one add — look the SID up, gather the policy's
 * facts and judge them — for `samples` accounts one after another, counting round trips.
 *
 * The node's own connection does not expose its round-trip counter, so this repeats its two
 * calls (objectsBySid, blockingFindings in connector/server/service-directory.ts) on a
 * connection of our own, with nothing else running.
 */
export async function measureLookupCost(options: ConnectOptions, accounts: readonly DirectoryObject[]): Promise<LookupCost> {
  const directory = await connectDirectory(options);
  try {
    const trips: number[] = [];
    const times: number[] = [];
    for (const account of accounts) {
      const before = directory.roundTrips();
      const started = performance.now();
      const [resolution] = await directory.resolveNames([account.sid]);
      if (resolution?.status !== 'resolved') throw new Error(`${account.sid} did not resolve by SID.`);
      const facts = await gatherAuthorizationFacts(directory, { role: 'sharepoint', object: resolution.object, list: [], connectorNodeNames: [] });
      const blocking = evaluateAuthorization(facts).filter((finding) => finding.severity === 'error');
      times.push(performance.now() - started);
      trips.push(directory.roundTrips() - before);
      if (blocking.length > 0) throw new Error(`The policy blocks ${account.name}: ${blocking[0]?.message ?? ''}`);
    }
    return { roundTrips: median(trips), medianMilliseconds: median(times), samples: accounts.length };
  } finally {
    await directory.close();
  }
}
