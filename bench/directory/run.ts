import { ensureDomainController } from '../../e2e/ad/domain-controller.ts';
import { openClient } from '../../e2e/ad/ldaps-client.ts';
import { connectDirectory } from '../../core/directory/index.ts';
import { benchLayout, expectedTransitiveMembers } from './bench-layout.ts';
import { benchEnumeration, type EnumerationResult } from './enumerate-bench.ts';
import { prepareLdapSearch } from './ldapsearch.ts';
import { countsOf, formatMs, repetitions, type Series } from './measure.ts';
import { benchMembers, type MembersResult } from './members-bench.ts';
import { formatRuns, formatTable, machineFacts, ratioRow, writeResults, type Problem, type Row } from './report.ts';
import { benchResolution, nameCount, type ResolutionResult } from './resolve-bench.ts';
import { seedBenchData } from './seed-bench.ts';

/**
 * `npm run bench:directory`: seed (or reuse) the benchmark data, run (a), (b), (c), report.
 *
 * Progress goes to stderr and the table to stdout, so `> file` keeps just the figures. The
 * process fails only when a count is wrong (the comparison would be meaningless), never
 * because a goal was missed: benchmarks report, tests assert.
 */
export async function main(): Promise<void> {
  const startedAt = new Date();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const connection = await ensureDomainController({ log });
  const seed = await seedBenchData(connection, log);
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
    log(`(a) enumerating ${benchLayout.organizationalUnit} (warm-up + ${repetitions} runs each)…`);
    const enumeration = await benchEnumeration(directory, client, ldapsearch, log);
    log(`(b) resolving ${nameCount} mixed names…`);
    const resolution = await benchResolution(directory, client, log);
    log(`(c) expanding ${benchLayout.topGroup}…`);
    const members = await benchMembers(directory, client, log);
    const problems = [...checkEnumeration(enumeration), ...checkResolution(resolution), ...checkMembers(members)];
    const rows = [...enumerationRows(enumeration), ...resolutionRows(resolution), ...membersRows(members)];
    const series = { ...prefixed('a.', enumeration), ...prefixed('b.', resolution), ...prefixed('c.', members) };
    process.stdout.write(
      `\nDirectory benchmark, ${startedAt.toISOString()}, ${JSON.stringify(machineFacts())}\n\n${formatTable(rows)}\n\nRaw runs (warm-up excluded):\n${formatRuns(series)}\n`,
    );
    const file = await writeResults(
      {
        startedAt: startedAt.toISOString(),
        machine: machineFacts(),
        seed,
        ldapsearchHostName: ldapsearch.hostNameHandling,
        nameMix: resolution.nameMix,
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

function expectCount(what: string, series: Series, key: string, expected: number): Problem[] {
  const seen = countsOf(series, key);
  return seen.length === 1 && seen[0] === expected ? [] : [`${what}: ${key} was ${seen.join(' / ')} across runs, expected ${expected}`];
}

function prefixed(prefix: string, record: object): Record<string, Series> {
  return Object.fromEntries(
    Object.entries(record)
      .filter(([key]) => key !== 'nameMix')
      .map(([key, value]) => [`${prefix}${key}`, value as Series]),
  );
}

await main();
