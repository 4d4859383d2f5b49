import { describe, expect, it } from 'vitest';
import type { ChangeEvent, FeedChangeRecord } from '../../../contract/connector-api/index.ts';
import type { AuthorizedEntry } from '../../../contract/policy.ts';
import { DirectoryError } from '../../../core/directory/index.ts';
import type { SuperUserExpansionResult } from '../service-directory.ts';
import type { ConfigStore, EntryToAdd } from '../store/config-store.ts';
import { changeContext, useTemporaryStores } from '../store/sqlite/test-fixture.ts';
import type { ExpandedSuperUser } from '../store/super-user-snapshot.ts';
import { startSuperUserDrift, touchesExchangeEntry, type SuperUserDrift } from './super-user-drift.ts';

const exchange: EntryToAdd = { sid: 'S-1-5-21-1-2-3-1139', name: 'CORP\\Exchange Servers', role: 'exchange', kind: 'group' };
const ex01: ExpandedSuperUser = {
  sid: 'S-1-5-21-1-2-3-2001',
  name: 'CORP\\EX01$',
  kind: 'computer',
  grants: [{ entrySid: exchange.sid, entryName: exchange.name, path: ['Exchange Servers'], throughPrimaryGroup: false }],
};

type Expand = (list: readonly AuthorizedEntry[]) => Promise<SuperUserExpansionResult>;

function driftOver(store: ConfigStore, expand: Expand): SuperUserDrift {
  return startSuperUserDrift({
    store,
    directory: { expandSuperUsers: expand },
    nodeName: 'RMSCON01',
    actor: 'svc-rms@corp.contoso.com',
    intervalSeconds: 0,
    now: () => new Date('2026-12-06T10:00:00.000Z'),
    log: () => undefined,
  });
}

const found = (accounts: readonly ExpandedSuperUser[], list: readonly AuthorizedEntry[], orphaned = 0): SuperUserExpansionResult => ({
  accounts,
  exchangeEntries: list.filter((entry) => entry.role === 'exchange').length,
  orphanedEntries: orphaned,
});

async function withExchangeEntry(store: ConfigStore): Promise<void> {
  await store.applyListChange({ context: changeContext(), expectedVersion: 0, add: [exchange], remove: [] });
}

describe('super-user-drift', () => {
  const stores = useTemporaryStores();

  it.each<[string, FeedChangeRecord, boolean]>([
    ['an Exchange entry added', { action: 'authorized-account.add', target: 'x', before: null, after: { role: 'exchange' } }, true],
    ['an Exchange entry removed', { action: 'authorized-account.remove', target: 'x', before: { role: 'exchange' }, after: null }, true],
    ['a file server added', { action: 'authorized-account.add', target: 'x', before: null, after: { role: 'fci' } }, false],
    ['a drift record', { action: 'super-user.joined', target: 'x', before: null, after: { role: 'exchange' } }, false],
    ['an administrator', { action: 'role-based-administrator.add', target: 'x', before: null, after: { role: 'exchange' } }, false],
  ])('expands after %s: %s', (_label, record, expected) => {
    const event: ChangeEvent = {
      sequence: 1,
      listVersion: 1,
      at: '2026-12-06T10:00:00.000Z',
      actor: 'a',
      actorSid: null,
      source: 's',
      node: 'n',
      correlationId: 'c',
      records: [record],
    };
    expect(touchesExchangeEntry(event)).toBe(expected);
  });

  it('records what the directory found, as the node’s service identity', async () => {
    const store = stores.open();
    await withExchangeEntry(store);
    const drift = driftOver(store, (list) => Promise.resolve(found([ex01], list)));
    expect(await drift.expandNow()).toMatchObject({ kind: 'expanded', listVersion: 1, superUsers: 1, recording: { status: 'recorded', version: 1 } });
    const [event] = await store.changesSince(1, 10);
    expect([event?.actor, event?.actorSid, event?.node, event?.records.map((record) => record.action)]).toEqual([
      'svc-rms@corp.contoso.com',
      null,
      'RMSCON01',
      ['super-user.joined'],
    ]);
    await drift.close();
  });

  it.each<[string, Expand, string]>([
    ['the directory cannot be reached', () => Promise.reject(new DirectoryError('UNREACHABLE')), 'DIRECTORY_UNAVAILABLE'],
    ['no Exchange entry resolves', (list) => Promise.resolve(found([], list, 1)), 'ENTRIES_UNRESOLVED'],
  ])('records nothing when %s: never "everyone left"', async (_label, expand, reason) => {
    const store = stores.open();
    await withExchangeEntry(store);
    await driftOver(store, (list) => Promise.resolve(found([ex01], list))).expandNow();
    const drift = driftOver(store, expand);
    expect(await drift.expandNow()).toMatchObject({ kind: 'skipped', reason });
    expect([(await store.superUsers()).superUsers.map((account) => account.name), (await store.changePosition()).sequence]).toEqual([['CORP\\EX01$'], 2]);
  });

  it('skips while another expansion holds the lock', async () => {
    const store = stores.open();
    const drift = driftOver(store, (list) => Promise.resolve(found([], list)));
    const outcome = await store.whileExpandingSuperUsers(() => drift.expandNow());
    expect(outcome).toEqual({ ran: true, value: { kind: 'skipped', reason: 'LOCKED', message: 'Another node is expanding the super users.' } });
  });

  it('expands again when the list changed while it read the directory', async () => {
    const store = stores.open();
    await withExchangeEntry(store);
    const seen: number[] = [];
    const drift = driftOver(store, async (list) => {
      seen.push(list.length);
      if (seen.length === 1)
        await store.applyListChange({
          context: changeContext(),
          expectedVersion: 'any',
          add: [{ ...exchange, sid: 'S-1-5-21-1-2-3-1140', name: 'CORP\\X' }],
          remove: [],
        });
      return found([ex01], list);
    });
    expect(await drift.expandNow()).toMatchObject({ kind: 'expanded', listVersion: 2 });
    expect([seen, (await store.superUsers()).listVersion]).toEqual([[1, 2], 2]);
  });

  it('runs requests made before an expansion starts as that one, and one made while it runs after it', async () => {
    const store = stores.open();
    await withExchangeEntry(store);
    let calls = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const drift = driftOver(store, async (list) => {
      calls += 1;
      await gate;
      return found([ex01], list);
    });
    const events = await store.changesSince(0, 10);
    drift.changed(events);
    drift.changed(events);
    const first = drift.expandNow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = drift.expandNow();
    release();
    expect([(await first).kind, (await second).kind, calls]).toEqual(['expanded', 'expanded', 2]);
    await drift.close();
  });
});
