import { describe, expect, it } from 'vitest';
import { ChangeEventSchema } from '../../../../../contract/connector-api/index.ts';
import type { ConfigStore, EntryToAdd } from '../../config-store.ts';
import { changeContext } from '../change-context.ts';
import type { StoreEngine } from './store-engine.ts';

const exchange: EntryToAdd = { sid: 'S-1-5-21-1-2-3-1139', name: 'CORP\\Exchange Servers', role: 'exchange', kind: 'group' };
const fci: EntryToAdd = { sid: 'S-1-5-21-1-2-3-1301', name: 'CORP\\FS01$', role: 'fci', kind: 'computer' };
const fci2: EntryToAdd = { sid: 'S-1-5-21-1-2-3-1302', name: 'CORP\\FS02$', role: 'fci', kind: 'computer' };
const admin = { sid: 'S-1-5-21-1-2-3-1500', name: 'CORP\\carol', kind: 'user', role: 'GlobalAdministrator' } as const;
const group = { sid: 'S-1-5-21-1-2-3-1600', name: 'CORP\\RMS Admins' };

/** One change of every kind the feed carries, each by its own request. */
async function oneOfEach(store: ConfigStore): Promise<void> {
  await store.applyListChange({ context: changeContext({ correlationId: 'add-exchange' }), expectedVersion: 0, add: [exchange], remove: [] });
  await store.applyListChange({ context: changeContext({ correlationId: 'import' }), expectedVersion: 1, add: [fci, fci2], remove: [] });
  await store.addAdministrator(admin, changeContext({ correlationId: 'add-admin' }));
  await store.setOnboardingControl(group, changeContext({ correlationId: 'onboarding' }));
  await store.removeAdministrator(admin.sid, admin.role, changeContext({ correlationId: 'remove-admin' }));
}

/** A watcher that waits for a call with `sequence` (undefined: "something changed"), failing after `ms`. */
function callWith(
  sequence: number | undefined,
  ms: number,
): { listener: (sequence: number | undefined) => void; called: Promise<readonly (number | undefined)[]> } {
  const calls: (number | undefined)[] = [];
  let resolve: (calls: readonly (number | undefined)[]) => void = () => undefined;
  const called = new Promise<readonly (number | undefined)[]>((done, fail) => {
    resolve = done;
    setTimeout(() => {
      fail(new Error(`The watcher was not told of change ${String(sequence ?? 'any')} within ${String(ms)} ms (calls: ${JSON.stringify(calls)}).`));
    }, ms).unref();
  });
  return {
    listener: (received) => {
      calls.push(received);
      if (received === sequence) resolve(calls);
    },
    called,
  };
}

/** The store contract: the change sequence behind the feed, run against every engine. */
export function changeSequenceContract(engine: StoreEngine): void {
  describe(`${engine.name}: change sequence`, () => {
    const stores = engine.use();

    it('numbers each committed change once, in order, with its records, list version and who made it', async () => {
      const store = await stores.open();
      await oneOfEach(store);
      const events = await store.changesSince(0, 100);
      expect(events.every((event) => ChangeEventSchema.safeParse(event).success)).toBe(true);
      expect(
        events.map((event) => [event.sequence, event.listVersion, event.correlationId, event.records.map((record) => `${record.action} ${record.target}`)]),
      ).toEqual([
        [1, 1, 'add-exchange', ['authorized-account.add CORP\\Exchange Servers (exchange)', 'super-user-feature.enable super-user feature']],
        [2, 2, 'import', ['authorized-account.add CORP\\FS01$ (fci)', 'authorized-account.add CORP\\FS02$ (fci)']],
        [3, 2, 'add-admin', ['role-based-administrator.add CORP\\carol (GlobalAdministrator)']],
        [4, 2, 'onboarding', ['onboarding-control.set CORP\\RMS Admins']],
        [5, 2, 'remove-admin', ['role-based-administrator.remove CORP\\carol (GlobalAdministrator)']],
      ]);
      expect(events[0]).toMatchObject({
        actor: 'CORP\\alice',
        actorSid: 'S-1-5-21-1-2-3-1105',
        source: '192.0.2.10',
        node: 'node-1',
        at: '2025-03-01T10:00:00.000Z',
      });
      expect(await store.changePosition()).toEqual({ sequence: 5, listVersion: 2 });
    });

    it('gives no number to what changed nothing: a stale or duplicate list change, a repeated assignment or onboarding group', async () => {
      const store = await stores.open();
      await oneOfEach(store);
      await store.applyListChange({ context: changeContext(), expectedVersion: 0, add: [fci], remove: [] });
      await store.applyListChange({ context: changeContext(), expectedVersion: 2, add: [fci], remove: [] });
      await store.setOnboardingControl(group, changeContext());
      await store.removeAdministrator(admin.sid, admin.role, changeContext());
      expect([await store.changePosition(), (await store.changesSince(5, 100)).length]).toEqual([{ sequence: 5, listVersion: 2 }, 0]);
    });

    it('reads the changes after a sequence, at most the limit', async () => {
      const store = await stores.open();
      await oneOfEach(store);
      expect((await store.changesSince(1, 2)).map((event) => event.sequence)).toEqual([2, 3]);
      expect((await store.changesSince(4, 100)).map((event) => event.sequence)).toEqual([5]);
      expect(await store.changesSince(5, 100)).toEqual([]);
    });

    it('numbers concurrent changes from two stores without a gap or a repeat, in commit order', async () => {
      const [first, second] = [await stores.open(), await stores.open()];
      const adds = Array.from({ length: 16 }, (_, index) => {
        const entry: EntryToAdd = { sid: `S-1-5-21-1-2-3-${String(3000 + index)}`, name: `CORP\\FS${String(index)}$`, role: 'fci', kind: 'computer' };
        return (index % 2 === 0 ? first : second).applyListChange({
          context: changeContext({ correlationId: `add-${String(index)}` }),
          expectedVersion: 'any',
          add: [entry],
          remove: [],
        });
      });
      await Promise.all(adds);
      const events = await first.changesSince(0, 100);
      expect(events.map((event) => event.sequence)).toEqual(Array.from({ length: 16 }, (_, index) => index + 1));
      // Each change's list version is the one its commit made: numbers and versions move together.
      expect(events.map((event) => event.listVersion)).toEqual(Array.from({ length: 16 }, (_, index) => index + 1));
    });

    it('tells a watcher of a change committed through its store, with the sequence or nothing', async () => {
      const store = await stores.open();
      // SQLite says "something changed" (one node per file); PostgreSQL names the change.
      const { listener, called } = callWith(engine.name === 'postgres' ? 1 : undefined, 5000);
      const watch = await store.watchChanges(listener);
      try {
        await store.addAdministrator(admin, changeContext());
        await called;
      } finally {
        await watch.close();
      }
    });

    if (engine.name === 'postgres') {
      it('tells a watcher of a change committed through another node’s connection (LISTEN/NOTIFY)', async () => {
        const [watching, writing] = [await stores.open(), await stores.open()];
        const { listener, called } = callWith(1, 5000);
        const watch = await watching.watchChanges(listener);
        try {
          await writing.setOnboardingControl(group, changeContext());
          expect((await called).at(-1)).toBe(1);
        } finally {
          await watch.close();
        }
      });
    }
  });
}
