import { loadavg } from 'node:os';
import { ensureDomainController } from '../../e2e/ad/domain-controller.ts';
import { openClient } from '../../e2e/ad/ldaps-client.ts';
import { connectDirectory } from '../../core/directory/index.ts';
import { benchLayout, expectedTransitiveMembers } from './bench-layout.ts';
import { benchEnumeration, type EnumerationResult } from './enumerate-bench.ts';
import { prepareLdapSearch } from './ldapsearch.ts';
import { countsOf, formatMs, repetitions, type Series } from './measure.ts';
import { benchMembers, type MembersResult } from './members-bench.ts';
import { expectCount, formatRuns, formatTable, machineFacts, ratioRow, writeResults, type Problem, type Row } from './report.ts';
import { benchResolution, nameCount, type ResolutionResult } from './resolve-bench.ts';
import { seedBenchData } from './seed-bench.ts';
import { benchExplain, checkExplain, explainedName, explainRows } from './explain-bench.ts';
import { benchDrift, checkDrift, driftRows } from './drift-bench.ts';

/** The benchmarks, by the letter the README and the table give them. */
const benchmarkLetters = ['a', 'b', 'c', 'd', 'e'] as const;
type BenchmarkLetter = (typeof benchmarkLetters)[number];

/**
 * `npm run bench:directory [-- --only d,e]`: seed (or reuse) the benchmark data, run (a)–(e)
 * or the ones chosen, report.
 *
 * Progress goes to stderr and the table to stdout, so `> file` keeps just the figures. The
 * process fails only when a count is wrong (the comparison would be meaningless), never
 * because a goal was missed: benchmarks report, tests assert.
 */
export async function main(): Promise<void> {
  const startedAt = new Date();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const chosen = chosenBenchmarks(process.argv);
  // Only (a) and (b) need all 20,000 users; (c)–(e) need the groups' members alone.
  const scope = chosen.has('a') || chosen.has('b') ? 'all users' : 'group members';
  const connection = await ensureDomainController({ log });
  const seed = await seedBenchData(connection, scope, log);
  log(`Bench data ready in ${(seed.milliseconds / 1_000).toFixed(1)} s (${seed.addedUsers} users and ${seed.addedLinks} member links added)`);
  const directory = await connectDirectory({
    url: connection.url,
    caFile: connection.caFile,
    serverName: connection.serverName,
    user: connection.user,
    password: connection.password,
  });
  const client = await openClient(connection, 120_000);
  const ldapsearch = await prepareLdapSearch(connection);
  try {
    await client.bind(connection.user, connection.password);
    log(`ldapsearch host name: ${ldapsearch.hostNameHandling}`);
    const problems: Problem[] = [];
    const rows: Row[] = [];
    let series: Record<string, Series> = {};
    // Other suites share this machine: the 1/5/15-minute load after each benchmark goes next to its figures.
    const loadAverages: Record<string, number[]> = { start: loadavg() };
    const record = (letter: BenchmarkLetter, result: object, resultRows: Row[], resultProblems: Problem[]) => {
      loadAverages[letter] = loadavg();
      log(
        `    load average ${loadavg()
          .map((value) => value.toFixed(2))
          .join(' ')}`,
      );
      rows.push(...resultRows);
      problems.push(...resultProblems);
      series = { ...series, ...prefixed(`${letter}.`, result) };
    };
    let nameMix: Readonly<Record<string, number>> | undefined;
    if (chosen.has('a')) {
      log(`(a) enumerating ${benchLayout.organizationalUnit} (warm-up + ${repetitions} runs each)…`);
      const enumeration = await benchEnumeration(directory, client, ldapsearch, log);
      record('a', enumeration, enumerationRows(enumeration), checkEnumeration(enumeration));
    }
    if (chosen.has('b')) {
      log(`(b) resolving ${nameCount} mixed names…`);
      const resolution = await benchResolution(directory, client, log);
      nameMix = resolution.nameMix;
      record('b', resolution, resolutionRows(resolution), checkResolution(resolution));
    }
    if (chosen.has('c')) {
      log(`(c) expanding ${benchLayout.topGroup}…`);
      const members = await benchMembers(directory, client, log);
      record('c', members, membersRows(members), checkMembers(members));
    }
    if (chosen.has('d')) {
      log(`(d) explaining ${explainedName} (ours, then an ldapsearch script)…`);
      const explain = await benchExplain(directory, ldapsearch, log);
      record('d', explain, explainRows(explain), checkExplain(explain));
    }
    if (chosen.has('e')) {
      log(`(e) re-expanding an Exchange entry naming ${benchLayout.topGroup} as the drift job does…`);
      const drift = await benchDrift(directory, client, log);
      record('e', drift, driftRows(drift), checkDrift(drift));
    }
    process.stdout.write(
      `\nDirectory benchmark, ${startedAt.toISOString()}, ${JSON.stringify(machineFacts())}, load averages ${JSON.stringify(loadAverages)}\n\n${formatTable(rows)}\n\nRaw runs (warm-up excluded):\n${formatRuns(series)}\n`,
    );
    const file = await writeResults(
      {
        startedAt: startedAt.toISOString(),
        machine: machineFacts(),
        seed,
        benchmarks: [...chosen],
        loadAverages,
        ldapsearchHostName: ldapsearch.hostNameHandling,
        ...(nameMix ? { nameMix } : {}),
        rows,
        series,
        problems,
      },
      startedAt,
    );
    log(`\nResults written to ${file}`);
    for (const problem of problems) log(`PROBLEM: ${problem}`);
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    await Promise.allSettled([directory.close(), client.unbind(), ldapsearch.dispose()]);
  }
}

function enumerationRows({ ours, ldapsearch, rawLdapts, rawLdaptsLayerFilter, mappingOnly, ldapsearchFixedCost }: EnumerationResult): Row[] {
  const perSecond = (milliseconds: number) => (benchLayout.userCount * 1_000) / milliseconds;
  const rate = (value: number) => `${Math.round(value)}/s`;
  const goal = { text: '≥ 0.9×', test: (ratio: number) => ratio >= 0.9 };
  const searchOnly = ldapsearch.medianMilliseconds - ldapsearchFixedCost.medianMilliseconds;
  return [
    ratioRow('(a) OU enumeration, entries/s vs ldapsearch', perSecond(ours.medianMilliseconds), perSecond(ldapsearch.medianMilliseconds), rate, goal),
    ratioRow('(a) … vs ldapsearch minus spawn+TLS+bind', perSecond(ours.medianMilliseconds), perSecond(searchOnly), rate),
    ratioRow('(a) … vs bare ldapts paged search', perSecond(ours.medianMilliseconds), perSecond(rawLdapts.medianMilliseconds), rate),
    ratioRow(
      '(a) bare ldapts, layer filter vs anchor filter',
      perSecond(rawLdaptsLayerFilter.medianMilliseconds),
      perSecond(rawLdapts.medianMilliseconds),
      rate,
    ),
    ratioRow('(a) our mapping of 20,000 entries alone', mappingOnly.medianMilliseconds, ours.medianMilliseconds, formatMs),
    ratioRow('(a) ldapsearch spawn+TLS+bind, 1 entry', ldapsearchFixedCost.medianMilliseconds, ldapsearch.medianMilliseconds, formatMs),
  ];
}

function resolutionRows({ ours, bare }: ResolutionResult): Row[] {
  const trips = (value: number) => String(value);
  const [oursTrips = Number.NaN] = countsOf(ours, 'roundTrips');
  return [
    ratioRow(`(b) resolve ${nameCount} names, LDAP round trips`, oursTrips, nameCount, trips, { text: `< ${nameCount} (names)`, test: (ratio) => ratio < 1 }),
    ratioRow(`(b) resolve ${nameCount} names, wall time`, ours.medianMilliseconds, bare.medianMilliseconds, formatMs),
  ];
}

function membersRows({ ours, rawInChain, primaryGroupQuery, mappingOnly }: MembersResult): Row[] {
  const [oursCount = Number.NaN] = countsOf(ours, 'members');
  const [rawCount = Number.NaN] = countsOf(rawInChain, 'members');
  return [
    ratioRow(`(c) ${benchLayout.topGroup} transitive members, time`, ours.medianMilliseconds, rawInChain.medianMilliseconds, formatMs, {
      text: '≤ 1.2×',
      test: (ratio) => ratio <= 1.2,
    }),
    ratioRow('(c) member count (ours / in-chain)', oursCount, rawCount, String, {
      text: `both ${expectedTransitiveMembers}`,
      test: () => oursCount === expectedTransitiveMembers && rawCount === expectedTransitiveMembers,
    }),
    ratioRow('(c) of which: primaryGroupID search', primaryGroupQuery.medianMilliseconds, rawInChain.medianMilliseconds, formatMs),
    ratioRow('(c) of which: mapping 5,005 entries', mappingOnly.medianMilliseconds, rawInChain.medianMilliseconds, formatMs),
  ];
}

function checkEnumeration(result: EnumerationResult): Problem[] {
  return [
    ...expectCount('(a) our search', result.ours, 'entries', benchLayout.userCount),
    ...expectCount('(a) ldapsearch', result.ldapsearch, 'entries', benchLayout.userCount),
    ...expectCount('(a) bare ldapts', result.rawLdapts, 'entries', benchLayout.userCount),
    ...expectCount('(a) bare ldapts, layer filter', result.rawLdaptsLayerFilter, 'entries', benchLayout.userCount),
    ...expectCount('(a) mapping', result.mappingOnly, 'entries', benchLayout.userCount),
    ...expectCount('(a) ldapsearch base search', result.ldapsearchFixedCost, 'entries', 1),
  ];
}

function checkResolution(result: ResolutionResult): Problem[] {
  return [...expectCount('(b) resolveNames', result.ours, 'asExpected', nameCount), ...expectCount('(b) bare searches', result.bare, 'asExpected', nameCount)];
}

function checkMembers(result: MembersResult): Problem[] {
  return [
    ...expectCount('(c) transitiveMembers', result.ours, 'members', expectedTransitiveMembers),
    ...expectCount('(c) in-chain search', result.rawInChain, 'members', expectedTransitiveMembers),
    ...expectCount('(c) primaryGroupID search', result.primaryGroupQuery, 'members', 0),
  ];
}

/**
 * `--only d,e` picks benchmarks by letter; without it every benchmark runs.
 *
 * An unknown letter stops the run before anything is seeded, rather than silently running less.
 */
function chosenBenchmarks(argv: readonly string[]): ReadonlySet<BenchmarkLetter> {
  const at = argv.indexOf('--only');
  if (at < 0) return new Set(benchmarkLetters);
  const asked = (argv[at + 1] ?? '').split(',').map((letter) => letter.trim().toLowerCase());
  const known = new Set<string>(benchmarkLetters);
  const unknown = asked.filter((letter) => !known.has(letter));
  if (unknown.length > 0 || asked.length === 0)
    throw new Error(`--only takes letters among ${benchmarkLetters.join(',')}, e.g. --only d,e (got ${argv[at + 1] ?? 'nothing'})`);
  return new Set(benchmarkLetters.filter((letter) => asked.includes(letter)));
}

function prefixed(prefix: string, record: object): Record<string, Series> {
  return Object.fromEntries(
    Object.entries(record)
      .filter(([key]) => key !== 'nameMix')
      .map(([key, value]) => [`${prefix}${key}`, value as Series]),
  );
}

await main();
