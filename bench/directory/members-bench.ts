import { ExtensibleFilter, type Client } from 'ldapts';
import type { Directory } from '../../core/directory/index.ts';
import { toDirectoryObject } from '../../core/directory/directory-object.ts';
import { benchGroupDn, benchLayout, partGroups } from './bench-layout.ts';
import { rawPagedSearch } from './raw-paged-search.ts';
import { compareInterleaved, type Counts, type Series } from './measure.ts';

/** The series of benchmark (c), plus the two parts ours adds to the raw search. */
export type MembersResult = {
  readonly ours: Series;
  readonly rawInChain: Series;
  readonly primaryGroupQuery: Series;
  readonly mappingOnly: Series;
};

const inChainRule = '1.2.840.113556.1.4.1941';

/**
 * (c) Expand `Bench 5000` (5,000 users through four levels of nesting) against one raw
 * in-chain search.
 *
 * Our expansion walks the nest level by level (one `memberOf`/`primaryGroupID` equality search
 * per level, members by primary group included, since they are not linked); the raw in-chain
 * search is the anchor, and the two diagnostics time a primaryGroupID search and our
 * entry-to-object mapping on their own, so a gap can be attributed.
 */
export async function benchMembers(directory: Directory, client: Client, log: (line: string) => void): Promise<MembersResult> {
  const [resolution] = await directory.resolveNames([benchGroupDn(benchLayout.topGroup)]);
  if (resolution?.status !== 'resolved') throw new Error(`${benchLayout.topGroup} did not resolve: ${JSON.stringify(resolution)}`);
  const group = resolution.object;
  const groupRids = await Promise.all([benchLayout.topGroup, ...partGroups.map((part) => part.name)].map((name) => ridOf(directory, name)));
  const ours = async (): Promise<Counts> => {
    const before = directory.roundTrips();
    const members = await directory.transitiveMembers(group);
    return { members: members.length, roundTrips: directory.roundTrips() - before };
  };
  const inChain = new ExtensibleFilter({ matchType: 'memberOf', rule: inChainRule, value: group.distinguishedName });
  const raw = async (): Promise<Counts> => ({ members: (await rawPagedSearch(client, benchLayout.baseDn, inChain)).length });
  const primaryFilter = `(|${groupRids.map((rid) => `(primaryGroupID=${rid})`).join('')})`;
  const primary = async (): Promise<Counts> => ({ members: (await rawPagedSearch(client, benchLayout.baseDn, primaryFilter)).length });
  const entries = await rawPagedSearch(client, benchLayout.baseDn, inChain);
  const mapping = (): Promise<Counts> => {
    const objects = entries.flatMap((entry) => toDirectoryObject(entry, directory.domain.domainSid) ?? []);
    return Promise.resolve({ members: objects.length });
  };
  return compareInterleaved({ ours, rawInChain: raw, primaryGroupQuery: primary, mappingOnly: mapping }, log);
}

async function ridOf(directory: Directory, name: string): Promise<number> {
  const [resolution] = await directory.resolveNames([benchGroupDn(name)]);
  if (resolution?.status !== 'resolved') throw new Error(`${name} did not resolve`);
  return Number(resolution.object.sid.split('-').at(-1));
}
