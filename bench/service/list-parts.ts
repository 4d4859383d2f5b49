import { AuthorizedAccountListSchema } from '../../contract/connector-api/index.ts';
import { createAdminAccess } from '../../connector/server/auth/admin-access.ts';
import { createTokenAuthority } from '../../connector/server/auth/tokens.ts';
import type { ServiceDirectory } from '../../connector/server/service-directory.ts';
import type { ConfigStore } from '../../connector/server/store/config-store.ts';
import { median } from '../directory/measure.ts';

/** Median milliseconds of each step a list GET takes beyond the bare floor's. */
export type ListParts = {
  /** The token's signature and claims, on a token the node has not seen yet (a node's first request with it). */
  readonly tokenFirstCheck: number;
  /** The same token again: the node remembers its verified tokens and checks only the expiry. */
  readonly tokenCheck: number;
  /** The whole per-request check: the token, the role rules read from the store, the decision. */
  readonly accessCheck: number;
  /** One directory re-read of the admin's account (made at most once per re-check interval). */
  readonly accountRead: number;
  readonly storeRead: number;
  readonly responseCheck: number;
  readonly serialization: number;
};

const samples = 300;
const directorySamples = 20;

/**
 * Time, one at a time and in this thread, the steps the list route adds to a bare route:
 * verify the bearer token, decide the admin's roles (the store's rules on every request, the
 * directory once per interval), read the list from SQLite, check the answer against its
 * schema, and serialize it. The token check alone is the anchor the access check is read
 * against.
 *
 * The figures are CPU time without contention: they say where a GET's time goes, so the gap
 * between the floor and the list can be attributed instead of guessed. Fastify's logging and
 * header work are what is left over.
 */
export async function timeListParts(store: ConfigStore, directory: ServiceDirectory, token: string): Promise<ListParts> {
  const tokens = createTokenAuthority(await store.tokenSigningKey(), 'AzureCloud', 3_600);
  const access = createAdminAccess({ store, directory, tokens, now: () => new Date(), accountRecheckSeconds: 300 });
  const { sid } = await tokens.verify(`Bearer ${token}`, new Date());
  const account = await directory.accountBySid(sid);
  if (!account) throw new Error(`The bench admin ${sid} is not in the directory.`);
  access.remember(account);
  const list = await store.listAuthorizedAccounts();
  const time = async (work: () => unknown, count = samples): Promise<number> => {
    const times: number[] = [];
    for (let sample = 0; sample < count; sample += 1) {
      const started = performance.now();
      await work();
      times.push(performance.now() - started);
    }
    return median(times);
  };
  const key = await store.tokenSigningKey();
  return {
    tokenFirstCheck: await time(() => createTokenAuthority(key, 'AzureCloud', 3_600).verify(`Bearer ${token}`, new Date())),
    tokenCheck: await time(() => tokens.verify(`Bearer ${token}`, new Date())),
    accessCheck: await time(() => access.authorize(`Bearer ${token}`)),
    accountRead: await time(() => directory.accountBySid(sid), directorySamples),
    storeRead: await time(() => store.listAuthorizedAccounts()),
    responseCheck: await time(() => AuthorizedAccountListSchema.parse(list)),
    serialization: await time(() => JSON.stringify(list)),
  };
}
