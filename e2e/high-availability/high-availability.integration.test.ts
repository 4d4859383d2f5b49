import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthorizedAccountListSchema, SuperUsersSchema, ConnectorNodeListSchema } from '../../contract/connector-api/index.ts';
import { bulkUserSids } from '../../connector/server/testing/seed-sids.ts';
import { runDeploymentHealth } from '../../core/health/index.ts';
import { SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import { startReplicatedPair, type ReplicatedPair } from '../postgres/replicated-pair.ts';
import { judgeEdits, longestWriteGapMs, readFinalState, runEdits, type EditOutcome, type EditVerdict } from './edit-load.ts';
import { judgeFeed, watchFeed, type FeedWatcher } from './feed-watcher.ts';
import { createHaClient, type FailureRecord, type HaClient } from './ha-client.ts';
import { startHaDeployment, type HaDeployment } from './ha-deployment.ts';

const ADMINISTRATOR = 'alice@corp.contoso.test';

/** A verdict with nothing lost, doubled or unaudited (the counts are each test's own). */
const NOTHING_WRONG: Omit<EditVerdict, 'operations' | 'succeeded'> = {
  acknowledgedLost: [],
  acknowledgedRemovedButPresent: [],
  duplicateEntries: 0,
  acknowledgedNotAuditedOnce: [],
  auditedTwice: [],
  versionMatchesAudit: true,
};

describe('three connector nodes on PostgreSQL (primary and synchronous standby) behind HAProxy', () => {
  let pair: ReplicatedPair;
  let deployment: HaDeployment;
  let accounts: string[];
  const clients: HaClient[] = [];

  /** `count` signed-in admins through the balancer, recording every failure into `failures`. */
  const admins = async (count: number, failures: FailureRecord[]): Promise<HaClient[]> => {
    const created = Array.from({ length: count }, () => createHaClient(deployment.url, deployment.tls.caPem, failures));
    clients.push(...created);
    // One sign-in shared by every client: twenty sign-ins of one account at once are throttled.
    const [first] = created;
    await first?.signIn(ADMINISTRATOR, SEED_PASSWORD);
    for (const client of created) client.useToken(first?.token() ?? '');
    return created;
  };
  /** Each client edits its own two accounts `edits` times; all outcomes together. */
  const load = async (working: readonly HaClient[], edits: number, seedBase: number): Promise<EditOutcome[]> =>
    (await Promise.all(working.map((client, index) => runEdits(client, accounts.slice(index * 2, index * 2 + 2), edits, seedBase + index)))).flat();

  beforeAll(async () => {
    pair = await startReplicatedPair({ name: 'ha-suite', primaryPort: 55441, standbyPort: 55442 });
    deployment = await startHaDeployment({ url: pair.url, password: pair.password }, { nodeCount: 3, administrator: ADMINISTRATOR });
    accounts = await bulkUserSids(40);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await deployment.stop();
    await pair.destroy();
  });

  it('serves 20 clients × 50 conditional edits with no lost update, no duplicate, each edit audited once, across nodes', async () => {
    const failures: FailureRecord[] = [];
    const working = await admins(20, failures);
    const started = Date.now();
    const outcomes = await load(working, 50, 1);
    const seconds = (Date.now() - started) / 1000;
    const final = await readFinalState(working[0] as HaClient);
    const verdict = judgeEdits(outcomes, final);
    const nodes = await (working[0] as HaClient).send({ method: 'GET', path: '/v1/connectors' });
    const health = await deploymentHealthThrough(working[0] as HaClient, deployment.url, deployment.tls.caPem);
    const bases = outcomes.flatMap((outcome) => (outcome.kind === 'failed' ? [] : [outcome.baseVersion])).sort((a, b) => a - b);
    console.info(
      `ha edits: ${String(verdict.succeeded)} of ${String(verdict.operations)} edits in ${seconds.toFixed(1)} s through 3 nodes; final version ${String(final.version)}; failed edits ${JSON.stringify(failedEdits(outcomes))}`,
    );
    expect({ failures, verdict, alive: (nodes.body.nodes as { alive: boolean }[]).filter((node) => node.alive).length, health }).toEqual({
      failures: [],
      verdict: { ...NOTHING_WRONG, operations: 1000, succeeded: 1000 },
      alive: 3,
      health: { NODES_AT_LEAST_TWO: 'pass' },
    });
    // Every applied edit started from a distinct version: the version check and the change were one step.
    expect(bases).toEqual(bases.map((_base, index) => index));
  }, 300_000);

  /** A console following the change feed through the balancer, and where it started. */
  const watcherThrough = async (client: HaClient): Promise<{ watcher: FeedWatcher; from: number; node: string }> => {
    const watcher = watchFeed(deployment.url, deployment.tls.caPem, client.token() ?? '');
    const ready = await watcher.started;
    return { watcher, from: ready.sequence, node: ready.node };
  };
  /** Everything committed after `from` reached the watcher once, in order, whatever happened to nodes and database meanwhile. */
  const feedVerdict = async (client: HaClient, watching: { watcher: FeedWatcher; from: number }) => {
    const latest = watchFeed(deployment.url, deployment.tls.caPem, client.token() ?? '');
    const to = (await latest.started).sequence;
    await latest.stop();
    await watching.watcher.caughtUp(to, 20_000);
    const outcome = await watching.watcher.stop();
    return { ...judgeFeed(watching.watcher, watching.from, to), reloads: watching.watcher.reloads, outcome: outcome.kind };
  };

  it('keeps working when one node is killed mid-load: at least 99.5% of edits succeed, none acknowledged is lost, HAProxy takes the node out', async () => {
    const failures: FailureRecord[] = [];
    const working = await admins(10, failures);
    // A console follows the feed through the balancer; the node serving it is the one killed.
    const watching = await watcherThrough(working[0] as HaClient);
    const victim = watching.node;
    const running = load(working, 30, 100);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const killedAt = Date.now();
    await deployment.killNode(victim);
    await deployment.balancer.waitFor('DOWN', [victim.toLowerCase()]);
    const outAfterMs = Date.now() - killedAt;
    const outcomes = await running;
    const noWritesMs = longestWriteGapMs(outcomes, killedAt);
    const verdict = judgeEdits(outcomes, await readFinalState(working[0] as HaClient));
    const feed = await feedVerdict(working[0] as HaClient, watching);
    console.info(
      `ha node kill: the feed's console was on ${victim} (killed); it reconnected through the balancer ${String(watching.watcher.readies.length - 1)} time(s) and received ${String(feed.received)} of ${String(feed.expected)} changes`,
    );
    console.info(
      `ha node kill: ${String(verdict.succeeded)} of ${String(verdict.operations)} edits succeeded (${((100 * verdict.succeeded) / verdict.operations).toFixed(2)}%); ` +
        `${String(failures.length)} failed attempts retried (${JSON.stringify(countBy(failures))}); failed edits ${JSON.stringify(failedEdits(outcomes))}; ` +
        `HAProxy took the node out after ${String(outAfterMs)} ms; longest time without an acknowledged write ${String(noWritesMs)} ms`,
    );
    expect(verdict.succeeded / verdict.operations).toBeGreaterThanOrEqual(0.995);
    expect(verdict).toEqual({ ...NOTHING_WRONG, operations: verdict.operations, succeeded: verdict.succeeded });
    expect(feed).toEqual({ received: feed.expected, expected: feed.expected, missing: [], repeated: [], outOfOrder: 0, reloads: 0, outcome: 'cancelled' });
  }, 300_000);

  it('survives the primary stopping mid-load: the standby is promoted, nodes reconnect by themselves, every refusal is a 503 with Retry-After, nothing acknowledged is lost', async () => {
    const failures: FailureRecord[] = [];
    const working = await admins(10, failures);
    const watching = await watcherThrough(working[0] as HaClient);
    const running = load(working, 30, 200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const stoppedAt = Date.now();
    await pair.stopPrimaryImmediately();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await pair.promoteStandby();
    const promotedAfterMs = Date.now() - stoppedAt;
    const outcomes = await running;
    const verdict = judgeEdits(outcomes, await readFinalState(working[0] as HaClient));
    const noWritesMs = longestWriteGapMs(outcomes, stoppedAt);
    const feed = await feedVerdict(working[0] as HaClient, watching);
    console.info(`ha failover: the feed's console received ${String(feed.received)} of ${String(feed.expected)} changes through the failover`);
    console.info(
      `ha failover: standby writable ${String(promotedAfterMs)} ms after the primary stopped; no write acknowledged for ${String(noWritesMs)} ms ` +
        `(${String(failures.length)} refused attempts: ${JSON.stringify(countBy(failures))}); ${String(verdict.succeeded)} of ${String(verdict.operations)} edits succeeded; ` +
        `failed edits ${JSON.stringify(failedEdits(outcomes))}; node exit codes ${JSON.stringify(deployment.nodes.map((node) => [node.name, node.process.child.exitCode, node.process.child.signalCode, node.process.stderr().slice(-600)]))}`,
    );
    expect(
      failures
        .filter((failure) => failure.status !== 503 || failure.retryAfter === undefined || failure.code !== 'DATABASE_UNAVAILABLE')
        .map(({ method, status, code, error }) => ({ method, status, code, error })),
    ).toEqual([]);
    expect(verdict).toEqual({ ...NOTHING_WRONG, operations: verdict.operations, succeeded: verdict.succeeded });
    expect(verdict.succeeded).toBe(verdict.operations);
    expect(feed).toEqual({ received: feed.expected, expected: feed.expected, missing: [], repeated: [], outOfOrder: 0, reloads: 0, outcome: 'cancelled' });
  }, 300_000);
});

function countBy(failures: readonly FailureRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const failure of failures) {
    const label = `${String(failure.status)} ${typeof failure.code === 'string' ? failure.code : ''}`.trim();
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

function failedEdits(outcomes: readonly EditOutcome[]): string[] {
  return outcomes.flatMap((outcome) => (outcome.kind === 'failed' ? [`${outcome.intent} ${String(outcome.status)}`] : []));
}

/** Deployment health's node checks against the running deployment, through a signed-in client. */
async function deploymentHealthThrough(client: HaClient, connectorUrl: string, caPem: string): Promise<Record<string, string>> {
  const report = await runDeploymentHealth({
    connectorUrl,
    caPem,
    service: {
      listConnectors: async () => ConnectorNodeListSchema.parse((await client.send({ method: 'GET', path: '/v1/connectors' })).body),
      listAuthorizedAccounts: async () => ({
        list: AuthorizedAccountListSchema.parse((await client.send({ method: 'GET', path: '/v1/authorized-accounts' })).body),
      }),
      superUsers: async () => ({ superUsers: SuperUsersSchema.parse((await client.send({ method: 'GET', path: '/v1/super-users' })).body) }),
    },
  });
  return Object.fromEntries(report.results.filter((result) => result.code.startsWith('NODES_')).map((result) => [result.code, result.status]));
}
