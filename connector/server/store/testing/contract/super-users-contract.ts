import { describe, expect, it } from 'vitest';
import { ChangeEventSchema, SuperUsersSchema } from '../../../../../contract/connector-api/index.ts';
import type { ConfigStore, EntryToAdd } from '../../config-store.ts';
import type { ExpandedSuperUser } from '../../super-user-snapshot.ts';
import { changeContext } from '../change-context.ts';
import type { StoreEngine } from './store-engine.ts';

const exchange: EntryToAdd = { sid: 'S-1-5-21-1-2-3-1139', name: 'CORP\\Exchange Servers', role: 'exchange', kind: 'group' };
const grant = (path: string[]) => ({ entrySid: exchange.sid, entryName: exchange.name, path, throughPrimaryGroup: false });
const ex01: ExpandedSuperUser = { sid: 'S-1-5-21-1-2-3-2001', name: 'CORP\\EX01$', kind: 'computer', grants: [grant(['CORP\\Exchange Servers'])] };
const ex02: ExpandedSuperUser = { sid: 'S-1-5-21-1-2-3-2002', name: 'CORP\\EX02$', kind: 'computer', grants: [grant(['CORP\\Exchange Servers'])] };
const mallory: ExpandedSuperUser = {
  sid: 'S-1-5-21-1-2-3-2003',
  name: 'CORP\\mallory',
  kind: 'user',
  grants: [grant(['CORP\\Exchange Servers', 'CORP\\Nested'])],
};
const node = (name: string, at: string) =>
  changeContext({ actor: 'svc-rms@corp.contoso.com', actorSid: null, source: name, node: name, at, correlationId: at });
const T1 = '2025-03-01T11:00:00.000Z';
const T2 = '2025-03-01T12:00:00.000Z';
const T3 = '2025-03-01T13:00:00.000Z';

async function withExchangeEntry(store: ConfigStore): Promise<void> {
  await store.applyListChange({ context: changeContext(), expectedVersion: 0, add: [exchange], remove: [] });
}

/** The store contract: the effective super users' snapshot, its differences and its review, against every engine. */
export function superUsersContract(engine: StoreEngine): void {
  describe(`${engine.name}: super-user snapshot`, () => {
    const stores = engine.use();

    it('starts empty, never expanded and never reviewed', async () => {
      const store = await stores.open();
      expect(await store.superUsers()).toEqual({
        version: 0,
        expandedAt: null,
        expandedBy: null,
        listVersion: null,
        superUsers: [],
        lastReview: null,
        changesSinceReview: [],
      });
    });

    it('records who joined and who left as one numbered change each time, with first-seen times kept', async () => {
      const store = await stores.open();
      await withExchangeEntry(store);
      const first = await store.recordSuperUsers({ listVersion: 1, accounts: [ex01, ex02] }, node('RMSCON01', T1));
      const second = await store.recordSuperUsers({ listVersion: 1, accounts: [ex01, mallory] }, node('RMSCON02', T2));
      const third = await store.recordSuperUsers({ listVersion: 1, accounts: [ex01, mallory] }, node('RMSCON01', T3));
      expect([first.status, second.status, third.status]).toEqual(['recorded', 'recorded', 'unchanged']);
      const read = await store.superUsers();
      expect(SuperUsersSchema.parse(read)).toEqual(read);
      expect(read).toMatchObject({ version: 2, expandedAt: T3, expandedBy: 'RMSCON01', listVersion: 1, lastReview: null });
      expect(read.superUsers).toEqual([
        { ...ex01, firstSeenAt: T1 },
        { ...mallory, firstSeenAt: T2 },
      ]);
      expect(read.changesSinceReview.map((change) => [change.change, change.account.name, change.at, change.node, change.sequence])).toEqual([
        ['joined', 'CORP\\EX01$', T1, 'RMSCON01', 2],
        ['joined', 'CORP\\EX02$', T1, 'RMSCON01', 2],
        ['joined', 'CORP\\mallory', T2, 'RMSCON02', 3],
        ['left', 'CORP\\EX02$', T2, 'RMSCON02', 3],
      ]);
      const events = await store.changesSince(1, 100);
      expect(events.every((event) => ChangeEventSchema.safeParse(event).success)).toBe(true);
      expect(events.map((event) => [event.sequence, event.actor, event.actorSid, event.records.map((record) => `${record.action} ${record.target}`)])).toEqual([
        [2, 'svc-rms@corp.contoso.com', null, ['super-user.joined CORP\\EX01$', 'super-user.joined CORP\\EX02$']],
        [3, 'svc-rms@corp.contoso.com', null, ['super-user.joined CORP\\mallory', 'super-user.left CORP\\EX02$']],
      ]);
      expect(events[1]?.records[0]?.after).toEqual({ ...mallory, firstSeenAt: T2 });
    });

    it('splits a large difference into consecutive changes of at most 500 accounts, committed together', async () => {
      const store = await stores.open();
      await withExchangeEntry(store);
      const many = Array.from({ length: 1201 }, (_, index) => ({
        ...ex01,
        sid: `S-1-5-21-1-2-3-${String(10_000 + index)}`,
        name: `CORP\\EX${String(index)}$`,
      }));
      const recording = await store.recordSuperUsers({ listVersion: 1, accounts: many }, node('RMSCON01', T1));
      const events = await store.changesSince(1, 100);
      expect([
        recording.status,
        recording.status === 'recorded' ? recording.sequence : 0,
        events.map((event) => [event.sequence, event.records.length]),
      ]).toEqual([
        'recorded',
        4,
        [
          [2, 500],
          [3, 500],
          [4, 201],
        ],
      ]);
      const read = await store.superUsers();
      expect([read.version, read.superUsers.length, read.changesSinceReview.length]).toEqual([1, 1201, 1201]);
    });

    it('records a difference once when two nodes record the same expansion at once', async () => {
      const [first, second] = [await stores.open(), await stores.open()];
      await withExchangeEntry(first);
      const outcomes = await Promise.all([
        first.recordSuperUsers({ listVersion: 1, accounts: [ex01, mallory] }, node('RMSCON01', T1)),
        second.recordSuperUsers({ listVersion: 1, accounts: [ex01, mallory] }, node('RMSCON02', T1)),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['recorded', 'unchanged']);
      const page = await first.auditPage({ limit: 100, action: 'super-user.joined' });
      expect(page.records.map((record) => record.target).sort()).toEqual(['CORP\\EX01$', 'CORP\\mallory']);
    });

    it('drops an expansion of an older list than the one already recorded', async () => {
      const store = await stores.open();
      await withExchangeEntry(store);
      await store.applyListChange({
        context: changeContext(),
        expectedVersion: 1,
        add: [{ ...exchange, sid: 'S-1-5-21-1-2-3-1140', name: 'CORP\\X' }],
        remove: [],
      });
      await store.recordSuperUsers({ listVersion: 2, accounts: [ex01] }, node('RMSCON01', T2));
      expect(await store.recordSuperUsers({ listVersion: 1, accounts: [] }, node('RMSCON02', T1))).toEqual({ status: 'superseded', version: 1 });
      expect((await store.superUsers()).superUsers.map((account) => account.name)).toEqual(['CORP\\EX01$']);
    });

    it('marks the snapshot reviewed when its version still matches, audited, and counts changes from there', async () => {
      const store = await stores.open();
      await withExchangeEntry(store);
      await store.recordSuperUsers({ listVersion: 1, accounts: [ex01] }, node('RMSCON01', T1));
      const reviewer = changeContext({ actor: 'bob@corp.contoso.com', actorSid: 'S-1-5-21-1-2-3-1106', at: T2 });
      expect(await store.reviewSuperUsers(0, reviewer)).toEqual({ status: 'stale', currentVersion: 1 });
      expect(await store.reviewSuperUsers([7, 1], reviewer)).toEqual({
        status: 'reviewed',
        review: { at: T2, by: 'bob@corp.contoso.com', bySid: 'S-1-5-21-1-2-3-1106', version: 1 },
      });
      expect((await store.superUsers()).changesSinceReview).toEqual([]);
      await store.recordSuperUsers({ listVersion: 1, accounts: [] }, node('RMSCON01', T3));
      const read = await store.superUsers();
      expect([read.version, read.lastReview?.version, read.changesSinceReview.map((change) => `${change.change} ${change.account.name}`)]).toEqual([
        2,
        1,
        ['left CORP\\EX01$'],
      ]);
      const [reviewed] = (await store.auditPage({ limit: 10, action: 'super-users.reviewed' })).records;
      expect(reviewed).toMatchObject({ actor: 'bob@corp.contoso.com', before: null, after: { version: 1, superUsers: 1 } });
      expect((await store.changesSince(0, 100)).map((event) => event.records[0]?.action)).toEqual([
        'authorized-account.add',
        'super-user.joined',
        'super-users.reviewed',
        'super-user.left',
      ]);
    });

    it('holds the expansion lock for one caller at a time; the other is told at once', async () => {
      const [first, second] = [await stores.open(), await stores.open()];
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const holding = first.whileExpandingSuperUsers(() => held.then(() => 'first'));
      // Let the first caller take the lock before the second tries (PostgreSQL: a round trip).
      await new Promise((resolve) => setTimeout(resolve, 200));
      const other = engine.name === 'postgres' ? second : first;
      expect(await other.whileExpandingSuperUsers(() => Promise.resolve('second'))).toEqual({ ran: false });
      release();
      expect(await holding).toEqual({ ran: true, value: 'first' });
      expect(await other.whileExpandingSuperUsers(() => Promise.resolve('again'))).toEqual({ ran: true, value: 'again' });
    });
  });
}
