import type { Client, Entry, Filter } from 'ldapts';
import { OBJECT_ATTRIBUTES } from '../../core/directory/directory-object.ts';
import { BINARY_ATTRIBUTES } from '../../core/directory/ldap-session.ts';

/**
 * A bare ldapts paged subtree search with the layer's attributes: the anchor the layer's own
 * searches are compared with, so it must ask for exactly what the layer asks for.
 */
export async function rawPagedSearch(client: Client, base: string, filter: Filter | string): Promise<Entry[]> {
  const entries: Entry[] = [];
  const pages = client.searchPaginated(base, {
    scope: 'sub',
    filter,
    attributes: [...OBJECT_ATTRIBUTES],
    explicitBufferAttributes: BINARY_ATTRIBUTES,
    paged: { pageSize: 1_000 },
  });
  for await (const page of pages) entries.push(...page.searchEntries);
  return entries;
}
