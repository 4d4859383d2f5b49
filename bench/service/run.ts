import { ensureDomainController } from '../../e2e/ad/domain-controller.ts';
import type { ConnectOptions } from '../../core/directory/index.ts';
import { median } from '../directory/measure.ts';
import { machineFacts } from '../directory/report.ts';
import { barePath, startBareFloor } from './bare-floor.ts';
import { measureLookupCost, resolveBenchAccounts, type BenchAccounts } from './bench-accounts.ts';
import { startBenchCluster } from './bench-cluster.ts';
import { startBenchNode, type BenchNode } from './bench-node.ts';
import { createTestDatabase } from '../../e2e/postgres/test-database.ts';
import { createServiceDirectory } from '../../connector/server/service-directory.ts';
import { cpuDuring, createCpuMeter, type CpuMeter } from './cpu-meter.ts';
import { measureFeedDelay, type FeedDelay } from './feed-delay.ts';
import { timeListParts } from './list-parts.ts';
import { runLoad, type LoadLoop } from './load.ts';
import { formatRuns, formatTable, writeResults, type Scenario, type ScenarioResult, type ScenarioRun } from './report.ts';
import { formatMilliseconds, formatRate, medianRun, summarize } from './statistics.ts';

const listPath = '/v1/authorized-accounts';
const clients = 20;
const warmupMilliseconds = 1_000;
const durationMilliseconds = 5_000;
const repetitions = 3;
const storeSamples = 50;

/** Every scenario, in the order each round runs them. */
const scenarios: readonly Scenario[] = [
  { name: 'floor: bare Fastify GET /bare', target: 'floor', clients, loop: 'read' },
  { name: 'list: GET /v1/authorized-accounts', target: 'ldap', clients, loop: 'read' },
  { name: 'list, one client', target: 'ldap', clients: 1, loop: 'read' },
  { name: 'unchanged-list poll: GET If-None-Match → 304', target: 'ldap', clients, loop: 'poll' },
  { name: 'unchanged-list poll, one client', target: 'ldap', clients: 1, loop: 'poll' },
  { name: 'conditional add: GET, then POST If-Match', target: 'ldap', clients, loop: 'add' },
  { name: 'conditional add, one client', target: 'ldap', clients: 1, loop: 'add' },
  { name: 'conditional add, directory in memory', target: 'memory', clients, loop: 'add' },
  { name: 'conditional add, directory in memory, one client', target: 'memory', clients: 1, loop: 'add' },
  { name: 'add then remove, one client', target: 'ldap', clients: 1, loop: 'add-remove' },
  { name: 'add then remove, directory in memory, one client', target: 'memory', clients: 1, loop: 'add-remove' },
  { name: 'list, PostgreSQL', target: 'postgres', clients, loop: 'read' },
  { name: 'list, PostgreSQL, one client', target: 'postgres', clients: 1, loop: 'read' },
  { name: 'unchanged-list poll, PostgreSQL', target: 'postgres', clients, loop: 'poll' },
  { name: 'list, 3 nodes on PostgreSQL behind HAProxy', target: 'cluster', clients, loop: 'read' },
  { name: 'list, 3 nodes behind HAProxy, one client', target: 'cluster', clients: 1, loop: 'read' },
  { name: 'conditional add, directory in memory, PostgreSQL', target: 'postgres', clients, loop: 'add' },
  { name: 'conditional add, directory in memory, PostgreSQL, one client', target: 'postgres', clients: 1, loop: 'add' },
  { name: 'conditional add, directory in memory, 3 nodes behind HAProxy', target: 'cluster', clients, loop: 'add' },
  { name: 'conditional add, 3 nodes behind HAProxy, one client', target: 'cluster', clients: 1, loop: 'add' },
];

type Targets = { readonly floorUrl: string; readonly ldap: BenchNode; readonly memory: BenchNode; readonly postgres: BenchNode; readonly cluster: BenchNode };

/**
 * `npm run bench:service`: the service's list and conditional add over real HTTP, next to a
 * bare Fastify app measured in the same run.
 *
 * Rounds run every scenario once, three times over (interleaved, so a slow patch of the
 * machine hits every scenario); the table shows each scenario's median run. Progress goes to
 * stderr, the table to stdout. The process fails only when an answer is functionally wrong
 * (a 5xx, an unexpected 4xx), never because of a time: benchmarks report, tests assert.
 */
export async function main(): Promise<void> {
  const startedAt = new Date();
  // `--only TEXT`: the scenarios whose name holds TEXT, next to the floor (the anchor of every run).
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt < 0 ? undefined : process.argv[onlyAt + 1];
  const chosen = scenarios.filter((scenario) => only === undefined || scenario.target === 'floor' || scenario.name.includes(only));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const connection = await ensureDomainController({ log });
  const options: ConnectOptions = {
    url: connection.url,
    caFile: connection.caFile,
    serverName: connection.serverName,
    user: connection.user,
    password: connection.password,
  };
  log('Resolving alice and 2,600 bulk users…');
  const accounts = await resolveBenchAccounts(options);
  const lookupCost = await measureLookupCost(options, accounts.pool.slice(0, 20));
  log(
    `One add's directory work alone: ${lookupCost.roundTrips} LDAP round trips, ${formatMilliseconds(lookupCost.medianMilliseconds)} ms (median of ${lookupCost.samples})`,
  );
  const cpu = await createCpuMeter();
  const floor = await startBareFloor();
  const ldap = await startBenchNode(options, accounts, 'ldap');
  const memory = await startBenchNode(options, accounts, 'memory');
  // PostgreSQL targets: the test cluster on 127.0.0.1:55432 (e2e/postgres), a fresh database each.
  const databases = [await createTestDatabase({ label: 'bench', log }), await createTestDatabase({ label: 'bench', log })];
  const [single, shared] = databases.map((database) => ({ setting: database.urlWithoutPassword, env: { CONNECTOR_DATABASE_PASSWORD: database.password } }));
  if (!single || !shared) throw new Error('Creating the bench databases failed.');
  const postgres = await startBenchNode(options, accounts, 'memory', single);
  const cluster = await startBenchCluster(options, accounts, shared);
  try {
    const targets: Targets = { floorUrl: floor.url, ldap, memory, postgres, cluster };
    const storeTimes = await ldap.timeStoreAdds(accounts.pool.slice(0, storeSamples));
    await ldap.resetList();
    const serviceDirectory = createServiceDirectory(options);
    const listParts = await timeListParts(ldap.store, serviceDirectory, ldap.token).finally(() => serviceDirectory.close());
    const partsLines = [
      `One add through the store alone (median of ${storeSamples}): list read ${formatMilliseconds(median(storeTimes.read))} ms, write transaction ${formatMilliseconds(median(storeTimes.write))} ms`,
      `One request's admin check alone (medians): a token's first check ${formatMilliseconds(listParts.tokenFirstCheck)} ms, the same token again ${formatMilliseconds(listParts.tokenCheck)} ms (remembered), token + roles from the store ${formatMilliseconds(listParts.accessCheck)} ms (every request), directory re-read of the account ${formatMilliseconds(listParts.accountRead)} ms (once per admin per CONNECTOR_ADMIN_RECHECK)`,
      `One list GET's steps alone (medians): admin check ${formatMilliseconds(listParts.accessCheck)} ms, store read ${formatMilliseconds(listParts.storeRead)} ms, response schema check ${formatMilliseconds(listParts.responseCheck)} ms, JSON ${formatMilliseconds(listParts.serialization)} ms`,
    ];
    for (const line of partsLines) log(line);
    const listBytes = (await (await fetch(`${ldap.url}${listPath}`, { headers: { authorization: `Bearer ${ldap.token}` } })).text()).length;
    const runs = new Map<Scenario, ScenarioRun[]>(chosen.map((scenario) => [scenario, []]));
    for (let round = 1; round <= repetitions; round += 1) {
      for (const scenario of chosen) {
        const run = await runScenario(scenario, targets, accounts, cpu);
        runs.get(scenario)?.push(run);
        log(
          `  round ${round}/${repetitions} ${scenario.name} ×${scenario.clients}: ${formatRate(run.primary.perSecond)}/s, p50 ${formatMilliseconds(run.primary.p50)} ms, p99 ${formatMilliseconds(run.primary.p99)} ms ${JSON.stringify(run.statuses)}`,
        );
      }
    }
    const results: ScenarioResult[] = chosen.map((scenario) => {
      const all = runs.get(scenario) ?? [];
      return { scenario, runs: all, median: medianRun(all, (run) => run.primary.perSecond) };
    });
    const [account] = accounts.pool;
    const [writeNode, readNode] = cluster.nodeUrls;
    if (!account || !writeNode || !readNode) throw new Error('The feed delay needs an account and two nodes.');
    const feedChanges = 200;
    log(`Change feed: ${String(feedChanges)} changes through one node, one subscriber…`);
    const feedDelays: Record<string, FeedDelay> = {
      'SQLite node, subscriber on the same node': await measureFeedDelay(memory.url, memory.url, memory.token, account, feedChanges),
      'PostgreSQL, written on node 1, subscriber on node 2 (LISTEN/NOTIFY)': await measureFeedDelay(writeNode, readNode, cluster.token, account, feedChanges),
    };
    await Promise.all([memory.resetList(), cluster.resetList()]);
    const feedLines = Object.entries(feedDelays).map(
      ([where, delay]) =>
        `Change feed, ${where}: commit → event p50 ${formatMilliseconds(delay.p50)} ms, p99 ${formatMilliseconds(delay.p99)} ms, max ${formatMilliseconds(delay.max)} ms after the writer's answer (${String(delay.changes)} changes; the write itself p50 ${formatMilliseconds(delay.writeP50)} ms)`,
    );
    for (const line of feedLines) log(line);
    const machine = machineFacts();
    const problems = results.flatMap(({ scenario, runs: all }) =>
      all.flatMap((run) => run.problems.map((problem) => `${scenario.name} ×${scenario.clients}: ${problem}`)),
    );
    process.stdout.write(
      [
        '',
        `Service benchmark, ${startedAt.toISOString()}`,
        `Machine: ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, ${machine.platform}`,
        `Each run: ${clients} or 1 client(s), ${warmupMilliseconds / 1_000} s warm-up, ${durationMilliseconds / 1_000} s measured; median of ${repetitions} runs by requests/s`,
        `One add's directory work alone (SID look-up + policy facts): ${lookupCost.roundTrips} LDAP round trips, ${formatMilliseconds(lookupCost.medianMilliseconds)} ms`,
        ...partsLines,
        ...feedLines,
        '',
        formatTable(results, listBytes),
        '',
        'All runs:',
        formatRuns(results),
        '',
      ].join('\n'),
    );
    const file = await writeResults(
      {
        startedAt: startedAt.toISOString(),
        machine,
        clients,
        warmupMilliseconds,
        durationMilliseconds,
        listBytes,
        lookupCost,
        storeTimes,
        listParts,
        feedDelays,
        results,
        problems,
      },
      startedAt,
    );
    log(`Results written to ${file}`);
    for (const problem of problems) log(`PROBLEM: ${problem}`);
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    await Promise.allSettled([floor.close(), ldap.close(), memory.close(), postgres.close(), cluster.close()]);
    await Promise.allSettled(databases.map((database) => database.drop()));
  }
}

async function runScenario(scenario: Scenario, targets: Targets, accounts: BenchAccounts, cpu: CpuMeter): Promise<ScenarioRun> {
  const node = scenario.target === 'floor' ? undefined : targets[scenario.target];
  await node?.resetList();
  const listBefore = node ? (await node.store.listAuthorizedAccounts()).entries.length : 0;
  const loop: LoadLoop =
    scenario.loop === 'read' || scenario.loop === 'poll'
      ? { kind: 'read', path: node ? listPath : barePath, conditional: scenario.loop === 'poll' }
      : { kind: 'add', accounts: accounts.pool.map((account) => ({ sid: account.sid, name: account.name })), removeAfterAdd: scenario.loop === 'add-remove' };
  const meter = cpuDuring(cpu);
  const plan = {
    origin: node?.url ?? targets.floorUrl,
    clients: scenario.clients,
    warmupMilliseconds,
    durationMilliseconds,
    ...(node ? { token: node.token } : {}),
    loop,
  };
  const load = await runLoad(plan, meter.onWindow);
  const reads = summarize(load.reads, load.seconds);
  const writes = summarize(load.writes, load.seconds);
  return {
    seconds: load.seconds,
    primary: scenario.loop === 'read' || scenario.loop === 'poll' ? reads : writes,
    reads,
    writes,
    removals: summarize(load.removals, load.seconds),
    statuses: load.statuses,
    directory: node?.directoryWait(load.window.start, load.window.end) ?? { checks: 0, milliseconds: 0, meanAlongside: 0 },
    cpu: await meter.used(),
    listBefore,
    listAfter: node ? (await node.store.listAuthorizedAccounts()).entries.length : 0,
    problems: load.problems,
  };
}

await main();
