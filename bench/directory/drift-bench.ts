import { ExtensibleFilter, type Client } from 'ldapts';
import type { Directory } from '../../core/directory/index.ts';
import { effectiveSuperUsers } from '../../core/policy/super-users.ts';
import { benchGroupDn, benchLayout, expectedTransitiveMembers, partGroups } from './bench-layout.ts';
import { compareInterleaved, countsOf, formatMs, type Counts, type Series } from './measure.ts';
import { rawPagedSearchWithPages } from './raw-paged-search.ts';
import { expectCount, ratioRow, type Problem, type Row } from './report.ts';

/** The series of benchmark (e): the drift job's re-expansion against one raw in-chain search. */
export type DriftResult = { readonly ours: Series; readonly rawInChain: Series };

const inChainRule = '1.2.840.113556.1.4.1941';

/**
 * (e) Re-expand an Exchange entry naming `Bench 5000` as the service's drift job does, against
 * the raw in-chain search for the same group.
 *
 * Ours is `effectiveSuperUsers` on a one-entry list: it resolves the entry's SID, then walks
 * direct members level by level (memberOf or primaryGroupID equal to each group) and keeps
 * every account with its path — 5,000 super users. The anchor is one paged ldapts search
 * `(memberOf:1.2.840.113556.1.4.1941:=<DN>)`, 5,005 entries (the five nested groups too), with
 * no paths and no primary-group members: the least any answer costs with a single search.
 * Round trips: ours from the layer's counter, the anchor's pages.
 */
export async function benchDrift(directory: Directory, client: Client, log: (line: string) => void): Promise<DriftResult> {
  const [resolution] = await directory.resolveNames([benchGroupDn(benchLayout.topGroup)]);
  if (resolution?.status !== 'resolved') throw new Error(`${benchLayout.topGroup} did not resolve: ${JSON.stringify(resolution)}`);
  const group = resolution.object;
  const list = [{ sid: group.sid, name: `${benchLayout.netbiosDomain}\\${benchLayout.topGroup}`, role: 'exchange' as const }];
  const ours = async (): Promise<Counts> => {
    const before = directory.roundTrips();
    const { superUsers, orphanedEntries } = await effectiveSuperUsers(directory, list);
    return { superUsers: superUsers.length, orphanedEntries: orphanedEntries.length, roundTrips: directory.roundTrips() - before };
  };
  const inChain = new ExtensibleFilter({ matchType: 'memberOf', rule: inChainRule, value: group.distinguishedName });
  const raw = async (): Promise<Counts> => {
    const { entries, pages } = await rawPagedSearchWithPages(client, benchLayout.baseDn, inChain);
    const accounts = entries.filter((entry) => ![entry.objectClass].flat().some((value) => String(value).toLowerCase() === 'group')).length;
    return { members: entries.length, accounts, roundTrips: pages };
  };
  return compareInterleaved({ ours, rawInChain: raw }, log);
}

/** The accounts an Exchange entry naming `Bench 5000` makes super users: the users of its five parts. */
export const expectedSuperUsers = partGroups.length * benchLayout.usersPerPart;

/** The table rows of (e): wall time, round trips, and the counts both sides found. */
export function driftRows({ ours, rawInChain }: DriftResult): Row[] {
  const first = (series: Series, key: string) => countsOf(series, key)[0] ?? Number.NaN;
  return [
    ratioRow(`(e) drift re-expansion, Exchange entry ${benchLayout.topGroup}, time`, ours.medianMilliseconds, rawInChain.medianMilliseconds, formatMs),
    ratioRow('(e) LDAP round trips (ours / in-chain pages)', first(ours, 'roundTrips'), first(rawInChain, 'roundTrips'), String),
    ratioRow('(e) super users / in-chain accounts', first(ours, 'superUsers'), first(rawInChain, 'accounts'), String, {
      text: `both ${expectedSuperUsers}`,
      test: () => first(ours, 'superUsers') === expectedSuperUsers && first(rawInChain, 'accounts') === expectedSuperUsers,
    }),
  ];
}

/** Both sides must find the 5,000 users (the in-chain search also the 5 nested groups), every run. */
export function checkDrift({ ours, rawInChain }: DriftResult): Problem[] {
  return [
    ...expectCount('(e) effectiveSuperUsers', ours, 'superUsers', expectedSuperUsers),
    ...expectCount('(e) effectiveSuperUsers', ours, 'orphanedEntries', 0),
    ...expectCount('(e) in-chain search', rawInChain, 'members', expectedTransitiveMembers),
    ...expectCount('(e) in-chain search', rawInChain, 'accounts', expectedSuperUsers),
  ];
}
