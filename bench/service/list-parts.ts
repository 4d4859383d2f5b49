import { AuthorizedAccountListSchema } from '../../connector/api/index.ts';
import { createTokenAuthority } from '../../connector/server/auth/tokens.ts';
import type { ConfigStore } from '../../connector/server/store/config-store.ts';
import { median } from '../directory/measure.ts';

/** Median milliseconds of each step a list GET takes beyond the bare floor's. */
export type ListParts = {
  readonly tokenCheck: number;
  readonly storeRead: number;
  readonly responseCheck: number;
  readonly serialization: number;
};

const samples = 300;

/**
 * Time, one at a time and in this thread, the steps the list route adds to a bare route:
 * verify the bearer token, read the list from SQLite, check the answer against its schema,
 * and serialize it.
 *
 * The figures are CPU time without contention: they say where a GET's time goes, so the gap
 * between the floor and the list can be attributed instead of guessed. Fastify's logging and
 * header work are what is left over.
 */
export async function timeListParts(store: ConfigStore, token: string): Promise<ListParts> {
  const tokens = createTokenAuthority(await store.tokenSigningKey(), 'AzureCloud', 3_600);
  const list = await store.listAuthorizedAccounts();
  const time = async (work: () => unknown): Promise<number> => {
    const times: number[] = [];
    for (let sample = 0; sample < samples; sample += 1) {
      const started = performance.now();
      await work();
      times.push(performance.now() - started);
    }
    return median(times);
  };
  return {
    tokenCheck: await time(() => tokens.verify(`Bearer ${token}`, new Date())),
    storeRead: await time(() => store.listAuthorizedAccounts()),
    responseCheck: await time(() => AuthorizedAccountListSchema.parse(list)),
    serialization: await time(() => JSON.stringify(list)),
  };
}
