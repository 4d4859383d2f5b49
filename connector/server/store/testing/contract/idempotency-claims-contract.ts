import { describe, expect, it } from 'vitest';
import type { IdempotencyClaimRequest } from '../../config-store.ts';
import { changeContext } from '../change-context.ts';
import type { StoreEngine } from './store-engine.ts';

const claim = (overrides: Partial<IdempotencyClaimRequest> = {}): IdempotencyClaimRequest => ({
  scope: 'S-1-5-21-1-2-3-1105',
  key: 'key-1',
  node: 'node-1',
  at: '2025-03-01T10:00:00.000Z',
  expiresAt: '2025-03-01T10:02:00.000Z',
  ...overrides,
});

/** The store contract: idempotency keys claimed while their request works, seen by every node. */
export function idempotencyClaimsContract(engine: StoreEngine): void {
  describe(`${engine.name}: idempotency claims`, () => {
    const stores = engine.use();

    it('answers in-progress to another node while a claim lives, and claimed again once released', async () => {
      const [one, two] = [await stores.open(), await stores.open()];
      const first = await one.claimIdempotencyKey(claim());
      const meanwhile = await two.claimIdempotencyKey(claim({ node: 'node-2', at: '2025-03-01T10:00:30.000Z' }));
      const otherKey = await two.claimIdempotencyKey(claim({ key: 'key-2', node: 'node-2' }));
      await one.releaseIdempotencyKey(claim().scope, claim().key);
      const afterRelease = await two.claimIdempotencyKey(claim({ node: 'node-2', at: '2025-03-01T10:00:40.000Z' }));
      expect([first, meanwhile, otherKey, afterRelease]).toEqual(['claimed', 'in-progress', 'claimed', 'claimed']);
    });

    it('takes over a claim whose node stopped answering once it expired', async () => {
      const [one, two] = [await stores.open(), await stores.open()];
      await one.claimIdempotencyKey(claim());
      expect(await two.claimIdempotencyKey(claim({ node: 'node-2', at: '2025-03-01T10:02:00.000Z', expiresAt: '2025-03-01T10:04:00.000Z' }))).toBe('claimed');
    });

    it('lets exactly one of two nodes claiming at once have the key', async () => {
      const [one, two] = [await stores.open(), await stores.open()];
      const answers = await Promise.all([one.claimIdempotencyKey(claim()), two.claimIdempotencyKey(claim({ node: 'node-2' }))]);
      expect(answers.sort()).toEqual(['claimed', 'in-progress']);
    });

    it('answers completed once the change under the key is stored, and the change releases its claim', async () => {
      const store = await stores.open();
      const before = await store.idempotencyKeyCompleted(claim().scope, claim().key);
      await store.claimIdempotencyKey(claim());
      await store.applyListChange({
        context: changeContext(),
        expectedVersion: 0,
        add: [{ sid: 'S-1-5-21-1-2-3-1301', name: 'CORP\\FS01$', role: 'fci', kind: 'computer' }],
        remove: [],
        idempotency: { scope: claim().scope, key: claim().key, fingerprint: 'f1' },
      });
      expect({
        before,
        after: await store.idempotencyKeyCompleted(claim().scope, claim().key),
        claim: await store.claimIdempotencyKey(claim({ at: '2025-03-01T10:00:10.000Z' })),
      }).toEqual({ before: false, after: true, claim: 'completed' });
    });

    it('drops claims that expired before the pruning cutoff', async () => {
      const store = await stores.open();
      await store.claimIdempotencyKey(claim());
      await store.pruneIdempotencyKeys('2025-03-01T10:03:00.000Z');
      // Pruned, the claim is gone: a fresh claim at an earlier time than its expiry succeeds.
      expect(await store.claimIdempotencyKey(claim({ node: 'node-2', at: '2025-03-01T10:00:30.000Z' }))).toBe('claimed');
    });
  });
}
