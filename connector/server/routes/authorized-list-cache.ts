import { AuthorizedAccountListSchema } from '../../../contract/connector-api/index.ts';
import type { ConfigStore } from '../store/config-store.ts';

/** The list as last read, checked and serialized once per version. */
export type CachedList = { readonly version: number; readonly json: string };

/** Serves the authorized list from memory while its version has not moved. */
export type AuthorizedListCache = { read(): Promise<CachedList> };

/**
 * Create the node's list cache.
 *
 * A read asks the store for the version alone (one small query) and answers from memory when it
 * has not moved; the whole list is read, checked against the API schema and serialized only
 * when it did. The version served is always the store's, never a notification's, so a client
 * that just wrote through another node reads its own change. `newestKnown` (the change feed's)
 * only saves the version query when the cache is known to be behind — under a stream of
 * changes, every read — so a changing list costs one read, as it did without a cache.
 */
export function createAuthorizedListCache(
  store: Pick<ConfigStore, 'authorizedAccountsVersion' | 'listAuthorizedAccounts'>,
  newestKnown: () => number | undefined,
): AuthorizedListCache {
  let cached: CachedList | undefined;
  return {
    async read() {
      const behind = cached === undefined || (newestKnown() ?? cached.version) > cached.version;
      if (!behind && cached?.version === (await store.authorizedAccountsVersion())) return cached;
      const list = AuthorizedAccountListSchema.parse(await store.listAuthorizedAccounts());
      const fresh = { version: list.version, json: JSON.stringify(list) };
      if (!cached || fresh.version >= cached.version) cached = fresh;
      return fresh;
    },
  };
}
