import { AuthorizedAccountListSchema } from '../../../contract/connector-api/index.ts';
import type { ConfigStore } from '../store/config-store.ts';

/** The list as last read, checked and serialized once per version. */
export type CachedList = { readonly version: number; readonly json: string };

/** Serves the authorized list from memory while its version has not moved. */
export type AuthorizedListCache = { read(): Promise<CachedList> };

/**
 * Create the node's list cache.
 *
 * Each read asks the store for the version alone (one small query); the whole list is read,
 * checked against the API schema and serialized only when the version moved. The version is
 * always the store's, never a notification's, so a client that just wrote through another
 * node reads its own change.
 */
export function createAuthorizedListCache(store: Pick<ConfigStore, 'authorizedAccountsVersion' | 'listAuthorizedAccounts'>): AuthorizedListCache {
  let cached: CachedList | undefined;
  return {
    async read() {
      const version = await store.authorizedAccountsVersion();
      if (cached?.version === version) return cached;
      const list = AuthorizedAccountListSchema.parse(await store.listAuthorizedAccounts());
      const fresh = { version: list.version, json: JSON.stringify(list) };
      if (!cached || fresh.version >= cached.version) cached = fresh;
      return fresh;
    },
  };
}
