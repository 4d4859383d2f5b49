import type { Client } from 'ldapts';
import type { Directory } from '../../core/directory/index.ts';
import { OBJECT_ATTRIBUTES, toDirectoryObject } from '../../core/directory/directory-object.ts';
import { benchLayout } from './bench-layout.ts';
import type { LdapSearchTool } from './ldapsearch.ts';
import { rawPagedSearch } from './raw-paged-search.ts';
import { compareInterleaved, type Counts, type Series } from './measure.ts';

/** The series of benchmark (a): our layer, ldapsearch, and the diagnostics that split the gap. */
export type EnumerationResult = {
  readonly ours: Series;
  readonly ldapsearch: Series;
  readonly rawLdapts: Series;
  readonly rawLdaptsLayerFilter: Series;
  readonly mappingOnly: Series;
  readonly ldapsearchFixedCost: Series;
};

/** The filter our layer sends for `text: '*', types: ['user']`: the type filter and objectSid=*. */
const layerFilter = `(&${benchLayout.userFilter}(objectSid=*))`;

/**
 * (a) Enumerate the 20,000-user OU page by page: our search against ldapsearch.
 *
 * Both use the same filter, attributes and 1,000-entry pages over LDAPS. ldapsearch is timed
 * as a whole process (spawn, TLS, bind, search); its fixed part is measured separately with a
 * one-entry search so the report can show what the enumeration itself costs. Bare ldapts
 * paged searches (with the anchor's filter and with ours) and our mapping alone split the
 * gap into client library, filter and mapping.
 */
export async function benchEnumeration(
  directory: Directory,
  client: Client,
  ldapsearch: LdapSearchTool,
  log: (line: string) => void,
): Promise<EnumerationResult> {
  const base = benchLayout.organizationalUnit;
  const ours = async (): Promise<Counts> => {
    const before = directory.roundTrips();
    let entries = 0;
    for await (const page of directory.search({ text: '*', types: ['user'], baseDn: base })) entries += page.length;
    return { entries, roundTrips: directory.roundTrips() - before };
  };
  const anchor = async (): Promise<Counts> => ({ entries: await ldapsearch.count(base, 'sub', benchLayout.userFilter, OBJECT_ATTRIBUTES) });
  const raw = async (filter: string): Promise<Counts> => ({ entries: (await rawPagedSearch(client, base, filter)).length });
  const entries = await rawPagedSearch(client, base, layerFilter);
  const mapping = (): Promise<Counts> => Promise.resolve({ entries: entries.filter((entry) => toDirectoryObject(entry, directory.domain.domainSid)).length });
  const fixed = async (): Promise<Counts> => ({ entries: await ldapsearch.count(base, 'base', '(objectClass=*)', ['1.1']) });
  return compareInterleaved(
    {
      ours,
      ldapsearch: anchor,
      rawLdapts: () => raw(benchLayout.userFilter),
      rawLdaptsLayerFilter: () => raw(layerFilter),
      mappingOnly: mapping,
      ldapsearchFixedCost: fixed,
    },
    log,
  );
}
