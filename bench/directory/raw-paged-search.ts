import type { Client, Entry, Filter } from 'ldapts';
import { OBJECT_ATTRIBUTES } from '../../core/directory/directory-object.ts';
import { BINARY_ATTRIBUTES } from '../../core/directory/ldap-session.ts';

/**
 * The server-side time limit the anchor asks for, in seconds (ldapts' default is 10).
 *
 * The anchor must finish to be a reference: on the shared test DC an in-chain search over the
 * bench domain under load runs past 10 s and Samba answers timeLimitExceeded. 120 s matches the
 * bench client's own timeout.
 */
const anchorTimeLimitSeconds = 120;

/**
 * A bare ldapts paged subtree search with the layer's attributes: the anchor the layer's own
 * searches are compared with, so it must ask for exactly what the layer asks for.
 */
export async function rawPagedSearch(client: Client, base: string, filter: Filter | string): Promise<Entry[]> {
  return (await rawPagedSearchWithPages(client, base, filter)).entries;
}

/**
 * {@link rawPagedSearch}, also counting the pages: each page is one request and its answer,
 * so the count is the anchor's LDAP round trips.
 */
export async function rawPagedSearchWithPages(client: Client, base: string, filter: Filter | string): Promise<{ entries: Entry[]; pages: number }> {
  const entries: Entry[] = [];
  let pages = 0;
  const paged = client.searchPaginated(base, {
    scope: 'sub',
    filter,
    attributes: [...OBJECT_ATTRIBUTES],
    explicitBufferAttributes: BINARY_ATTRIBUTES,
    paged: { pageSize: 1_000 },
    timeLimit: anchorTimeLimitSeconds,
  });
  for await (const page of paged) {
    pages += 1;
    entries.push(...page.searchEntries);
  }
  return { entries, pages };
}
