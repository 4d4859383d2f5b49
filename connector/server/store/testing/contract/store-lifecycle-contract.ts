import { describe, expect, it } from 'vitest';
import { changeContext } from '../change-context.ts';
import type { StoreEngine } from './store-engine.ts';

const exchangeServers = { sid: 'S-1-5-21-1-2-3-1139', name: 'CORP\\Exchange Servers', role: 'exchange', kind: 'group' } as const;

/** The store contract: what survives a reopen, the shared signing key, and a closed store. */
export function storeLifecycleContract(engine: StoreEngine): void {
  describe(`${engine.name}: opening and closing`, () => {
    const stores = engine.use();

    it('keeps the list, the settings and the signing key when the database is opened again', async () => {
      const first = await stores.open();
      await first.applyListChange({ context: changeContext(), expectedVersion: 0, add: [exchangeServers], remove: [] });
      const before = { list: await first.listAuthorizedAccounts(), superUser: await first.superUserFeature(), key: await first.tokenSigningKey() };
      await first.close();
      const second = await stores.open();
      const after = { list: await second.listAuthorizedAccounts(), superUser: await second.superUserFeature(), key: await second.tokenSigningKey() };
      expect(after).toEqual(before);
    });

    it('gives every node of one database the same random 32-byte signing key, and another database another', async () => {
      const [one, two, other] = [await stores.open(), await stores.open(), await stores.openSeparate()];
      const keys = [await one.tokenSigningKey(), await two.tokenSigningKey(), await other.tokenSigningKey()].map((key) => Buffer.from(key).toString('hex'));
      expect({ lengths: keys.map((key) => key.length / 2), shared: keys[0] === keys[1], separate: keys[0] !== keys[2] }).toEqual({
        lengths: [32, 32, 32],
        shared: true,
        separate: true,
      });
    });

    it('rejects every call once closed, and closes twice quietly', async () => {
      const store = await stores.open();
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
      await expect(store.listAuthorizedAccounts()).rejects.toThrow('is closed');
      await expect(store.tokenSigningKey()).rejects.toThrow('is closed');
    });

    it(`reports kind ${engine.name}`, async () => {
      expect((await stores.open()).kind).toBe(engine.name);
    });
  });
}
