import { describe, expect, it } from 'vitest';
import { ConnectorNodeSchema } from '../../../../../contract/connector-api/index.ts';
import type { EntryToAdd, NodeRegistration } from '../../config-store.ts';
import { changeContext } from '../change-context.ts';
import type { StoreEngine } from './store-engine.ts';

/** The store contract: operations, run against every engine. */
export function operationsContract(engine: StoreEngine): void {
  describe(`${engine.name}: sign-in throttle`, () => {
    const stores = engine.use();

    it('counts failures per account as given, blocks as the policy says for the new count, and forgets on clear', async () => {
      const store = await stores.open();
      const unknown = await store.signInThrottle('corp\\alice');
      const counted = [
        await store.recordSignInFailure('corp\\alice', '2025-03-01T10:00:00.000Z', () => null),
        await store.recordSignInFailure('corp\\alice', '2025-03-01T10:00:05.000Z', (failures) => (failures === 2 ? '2025-03-01T10:01:05.000Z' : null)),
        await store.recordSignInFailure('CORP\\ALICE', '2025-03-01T10:00:06.000Z', () => null),
      ];
      const read = await store.signInThrottle('corp\\alice');
      await store.clearSignInFailures('corp\\alice');
      expect({ unknown, counted, read, cleared: await store.signInThrottle('corp\\alice'), other: await store.signInThrottle('CORP\\ALICE') }).toEqual({
        unknown: { failures: 0, blockedUntil: null },
        counted: [
          { failures: 1, blockedUntil: null },
          { failures: 2, blockedUntil: '2025-03-01T10:01:05.000Z' },
          { failures: 1, blockedUntil: null },
        ],
        read: { failures: 2, blockedUntil: '2025-03-01T10:01:05.000Z' },
        cleared: { failures: 0, blockedUntil: null },
        other: { failures: 1, blockedUntil: null },
      });
    });

    it('counts failures from two connections together when both record for one account', async () => {
      const one = await stores.open();
      const two = await stores.open();
      await one.recordSignInFailure('corp\\alice', '2025-03-01T10:00:00.000Z', () => null);
      expect(await two.recordSignInFailure('corp\\alice', '2025-03-01T10:00:01.000Z', () => null)).toEqual({ failures: 2, blockedUntil: null });
    });

    it('blocks from the new count when two connections fail the same account at once, so neither skips the block', async () => {
      const [one, two] = [await stores.open(), await stores.open()];
      await one.recordSignInFailure('corp\\alice', '2025-03-01T10:00:00.000Z', () => null);
      const blockFromTwo = (failures: number) => (failures >= 2 ? `2025-03-01T10:0${String(failures)}:00.000Z` : null);
      const results = await Promise.all([
        one.recordSignInFailure('corp\\alice', '2025-03-01T10:00:01.000Z', blockFromTwo),
        two.recordSignInFailure('corp\\alice', '2025-03-01T10:00:01.000Z', blockFromTwo),
      ]);
      expect({
        counts: results.map((result) => result.failures).sort(),
        blocked: results.every((result) => result.blockedUntil !== null),
        read: await one.signInThrottle('corp\\alice'),
      }).toEqual({
        counts: [2, 3],
        blocked: true,
        read: { failures: 3, blockedUntil: '2025-03-01T10:03:00.000Z' },
      });
    });
  });

  describe(`${engine.name}: nodes`, () => {
    const stores = engine.use();
    const node = (id: string, name: string, version = '1.0.0'): NodeRegistration => ({
      id,
      name,
      version,
      url: `https://${name}:8443`,
      tls: true,
      startedAt: '2025-03-01T09:00:00.000Z',
    });

    it('lists nodes by name and refreshes a node when it heartbeats again', async () => {
      const store = await stores.open();
      await store.heartbeat(node('n1', 'rms-b'), '2025-03-01T10:00:00.000Z');
      await store.heartbeat({ ...node('n2', 'rms-a'), tls: false }, '2025-03-01T10:00:10.000Z');
      await store.heartbeat(node('n1', 'rms-b', '1.1.0'), '2025-03-01T10:00:30.000Z');
      const nodes = await store.listNodes();
      expect({ nodes, valid: nodes.every((entry) => ConnectorNodeSchema.safeParse({ ...entry, alive: true }).success) }).toEqual({
        nodes: [
          { ...node('n2', 'rms-a'), tls: false, lastSeenAt: '2025-03-01T10:00:10.000Z' },
          { ...node('n1', 'rms-b', '1.1.0'), lastSeenAt: '2025-03-01T10:00:30.000Z' },
        ],
        valid: true,
      });
    });
  });

  describe(`${engine.name}: pruneIdempotencyKeys`, () => {
    const stores = engine.use();
    const entry = (n: number): EntryToAdd => ({ sid: `S-1-5-21-1-2-3-${3000 + n}`, name: `CORP\\FS${n}$`, role: 'fci', kind: 'computer' });

    it('drops only keys older than the cutoff, so a pruned key applies afresh', async () => {
      const store = await stores.open();
      const key = (name: string) => ({ scope: 'alice', key: name, fingerprint: name });
      await store.applyListChange({
        context: changeContext({ at: '2025-03-01T10:00:00.000Z' }),
        expectedVersion: 0,
        add: [entry(1)],
        remove: [],
        idempotency: key('old'),
      });
      await store.applyListChange({
        context: changeContext({ at: '2025-03-02T10:00:00.000Z' }),
        expectedVersion: 1,
        add: [entry(2)],
        remove: [],
        idempotency: key('new'),
      });
      const pruned = await store.pruneIdempotencyKeys('2025-03-02T00:00:00.000Z');
      const statuses = [
        (await store.applyListChange({ context: changeContext(), expectedVersion: 2, add: [entry(3)], remove: [], idempotency: key('old') })).status,
        (await store.applyListChange({ context: changeContext(), expectedVersion: 3, add: [entry(4)], remove: [], idempotency: key('new') })).status,
      ];
      expect({ pruned, statuses }).toEqual({ pruned: 1, statuses: ['applied', 'replayed'] });
    });
  });
}
