import { describe, expect, it } from 'vitest';
import {
  AuditRecordSchema,
  AuthorizedAccountListSchema,
  ReplaceAuthorizedAccountsResultSchema,
  type AuthorizedAccount,
} from '../../../../../contract/connector-api/index.ts';
import type { ConfigStore, EntryToAdd, ListChange } from '../../config-store.ts';
import { changeContext } from '../change-context.ts';
import type { StoreEngine } from './store-engine.ts';

const UUID = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
const context = changeContext();
const exchange: EntryToAdd = { sid: 'S-1-5-21-1-2-3-1139', name: 'CORP\\Exchange Servers', role: 'exchange', kind: 'group' };
const sharepoint: EntryToAdd = { sid: 'S-1-5-21-1-2-3-1201', name: 'CORP\\SP01$', role: 'sharepoint', kind: 'computer' };
const fci: EntryToAdd = { sid: 'S-1-5-21-1-2-3-1301', name: 'CORP\\FS01$', role: 'fci', kind: 'computer' };

const stored = (entry: EntryToAdd, at = context.at): AuthorizedAccount => ({ ...entry, id: UUID, addedBy: context.actor, addedAt: at });

async function applied(store: ConfigStore, change: ListChange): Promise<readonly AuthorizedAccount[]> {
  const outcome = await store.applyListChange(change);
  if (outcome.status !== 'applied') throw new Error(`Expected the change to apply, got ${outcome.status}.`);
  return outcome.change.added;
}

/** Everything a refused change could have touched. */
async function snapshot(store: ConfigStore) {
  return { list: await store.listAuthorizedAccounts(), superUser: await store.superUserFeature(), audit: await store.auditPage({ limit: 500 }) };
}

/** The store contract: list change, run against every engine. */
export function listChangeContract(engine: StoreEngine): void {
  describe(`${engine.name}: applyListChange`, () => {
    const stores = engine.use();

    it('adds the entries in order, bumps the version and audits each when the version matches', async () => {
      const store = await stores.open();
      const outcome = await store.applyListChange({ context, expectedVersion: 0, add: [sharepoint, fci], remove: [] });
      expect({ outcome, list: await store.listAuthorizedAccounts() }).toEqual({
        outcome: { status: 'applied', change: { version: 1, added: [stored(sharepoint), stored(fci)], removed: [], superUserFeatureEnabled: false } },
        list: { version: 1, entries: [stored(sharepoint), stored(fci)] },
      });
    });

    it('returns entries and results the API schemas accept when entries were added', async () => {
      const store = await stores.open();
      const outcome = await store.applyListChange({ context, expectedVersion: 0, add: [exchange, sharepoint], remove: [] });
      if (outcome.status !== 'applied') throw new Error(outcome.status);
      const parsed = {
        list: AuthorizedAccountListSchema.safeParse(await store.listAuthorizedAccounts()).success,
        change: ReplaceAuthorizedAccountsResultSchema.safeParse(outcome.change).success,
        audit: (await store.auditPage({ limit: 10 })).records.every((record) => AuditRecordSchema.safeParse(record).success),
      };
      expect(parsed).toEqual({ list: true, change: true, audit: true });
    });

    it('removes and adds in one version with one audit record per entry when a change does both', async () => {
      const store = await stores.open();
      const [first] = await applied(store, { context, expectedVersion: 0, add: [sharepoint], remove: [] });
      const later = changeContext({ actor: 'CORP\\bob', actorSid: null, correlationId: 'request-2', at: '2025-03-02T08:00:00.000Z' });
      const outcome = await store.applyListChange({ context: later, expectedVersion: 1, add: [fci], remove: [first?.id ?? ''] });
      const audit = await store.auditPage({ limit: 10, actor: 'CORP\\bob' });
      const added = { ...fci, id: UUID, addedBy: 'CORP\\bob', addedAt: later.at };
      const shared = {
        actor: 'CORP\\bob',
        actorSid: null,
        source: context.source,
        node: context.node,
        correlationId: 'request-2',
        at: later.at,
        id: expect.any(Number),
      };
      expect({ outcome, audit }).toEqual({
        outcome: { status: 'applied', change: { version: 2, added: [added], removed: [first], superUserFeatureEnabled: false } },
        audit: {
          records: [
            { ...shared, action: 'authorized-account.add', target: 'CORP\\FS01$ (fci)', before: null, after: added },
            { ...shared, action: 'authorized-account.remove', target: 'CORP\\SP01$ (sharepoint)', before: first, after: null },
          ],
          nextBefore: null,
        },
      });
    });

    it('answers stale with the current version when the expected version is older', async () => {
      const store = await stores.open();
      await applied(store, { context, expectedVersion: 0, add: [fci], remove: [] });
      expect(await store.applyListChange({ context, expectedVersion: 0, add: [sharepoint], remove: [] })).toEqual({ status: 'stale', currentVersion: 1 });
    });

    it('answers stale when another connection changed the list first', async () => {
      const mine = await stores.open();
      const theirs = await stores.open();
      await applied(theirs, { context, expectedVersion: 0, add: [fci], remove: [] });
      expect(await mine.applyListChange({ context, expectedVersion: 0, add: [sharepoint], remove: [] })).toEqual({ status: 'stale', currentVersion: 1 });
    });

    it('answers missing with the id when an entry to remove does not exist', async () => {
      const store = await stores.open();
      const id = '6f1c0d5e-8a7b-4c3d-9e2f-1a2b3c4d5e6f';
      expect(await store.applyListChange({ context, expectedVersion: 0, add: [], remove: [id] })).toEqual({ status: 'missing', id });
    });

    it('answers duplicate with the stored entry when the SID already holds the role', async () => {
      const store = await stores.open();
      const [existing] = await applied(store, { context, expectedVersion: 0, add: [fci], remove: [] });
      const renamed = { ...fci, name: 'CORP\\FS01-renamed$' };
      expect(await store.applyListChange({ context, expectedVersion: 1, add: [sharepoint, renamed], remove: [] })).toEqual({ status: 'duplicate', existing });
    });

    it('answers duplicate with the first of the pair when the change adds the same SID and role twice', async () => {
      const store = await stores.open();
      expect(await store.applyListChange({ context, expectedVersion: 0, add: [fci, sharepoint, { ...fci, name: 'again' }], remove: [] })).toEqual({
        status: 'duplicate',
        existing: stored(fci),
      });
    });

    it('re-adds an entry under a new id when the same change removes it', async () => {
      const store = await stores.open();
      const [old] = await applied(store, { context, expectedVersion: 0, add: [fci], remove: [] });
      const [fresh] = await applied(store, { context, expectedVersion: 1, add: [fci], remove: [old?.id ?? ''] });
      expect({ list: await store.listAuthorizedAccounts(), newId: fresh?.id !== old?.id }).toEqual({
        list: { version: 2, entries: [stored(fci)] },
        newId: true,
      });
    });

    it('writes nothing, not even its idempotency key, when a multi-entry change is refused', async () => {
      const store = await stores.open();
      const [first] = await applied(store, { context, expectedVersion: 0, add: [fci, sharepoint], remove: [] });
      const before = await snapshot(store);
      const idempotency = { scope: 'alice', key: 'k1', fingerprint: 'f1' };
      const refused = await store.applyListChange({ context, expectedVersion: 1, add: [exchange, sharepoint], remove: [first?.id ?? ''], idempotency });
      const after = await snapshot(store);
      // The key was not stored, so a corrected change under it applies instead of replaying.
      const retried = await store.applyListChange({ context, expectedVersion: 1, add: [exchange], remove: [], idempotency });
      expect({ refused: refused.status, unchanged: after, retried: retried.status }).toEqual({ refused: 'duplicate', unchanged: before, retried: 'applied' });
    });

    it('rolls back the removals when an insert fails halfway', async () => {
      const store = await stores.open();
      const [first] = await applied(store, { context, expectedVersion: 0, add: [fci], remove: [] });
      const before = await snapshot(store);
      const broken = { ...sharepoint, name: null } as unknown as EntryToAdd;
      await expect(store.applyListChange({ context, expectedVersion: 1, add: [broken], remove: [first?.id ?? ''] })).rejects.toThrow(
        /NOT NULL constraint failed|violates not-null constraint/,
      );
      expect(await snapshot(store)).toEqual(before);
    });

    it('replays the identical result and writes nothing more when the same key and fingerprint come again', async () => {
      const store = await stores.open();
      const change: ListChange = { context, expectedVersion: 0, add: [fci], remove: [], idempotency: { scope: 'alice', key: 'k1', fingerprint: 'f1' } };
      const first = await store.applyListChange(change);
      const before = await snapshot(store);
      const second = await store.applyListChange(change);
      expect({ second, after: await snapshot(store) }).toEqual({
        second: first.status === 'applied' ? { status: 'replayed', change: first.change } : first,
        after: before,
      });
    });

    it('answers key-reused when the same key comes with another fingerprint', async () => {
      const store = await stores.open();
      const idempotency = { scope: 'alice', key: 'k1', fingerprint: 'f1' };
      await applied(store, { context, expectedVersion: 0, add: [fci], remove: [], idempotency });
      const outcome = await store.applyListChange({
        context,
        expectedVersion: 1,
        add: [sharepoint],
        remove: [],
        idempotency: { ...idempotency, fingerprint: 'f2' },
      });
      expect({ outcome, version: (await store.listAuthorizedAccounts()).version }).toEqual({ outcome: { status: 'key-reused' }, version: 1 });
    });

    it('keeps keys of different scopes apart when they share a key', async () => {
      const store = await stores.open();
      await applied(store, { context, expectedVersion: 0, add: [fci], remove: [], idempotency: { scope: 'alice', key: 'k1', fingerprint: 'f1' } });
      const outcome = await store.applyListChange({
        context,
        expectedVersion: 1,
        add: [sharepoint],
        remove: [],
        idempotency: { scope: 'bob', key: 'k1', fingerprint: 'f2' },
      });
      expect(outcome.status).toBe('applied');
    });

    it('keeps the version when a change adds and removes nothing', async () => {
      const store = await stores.open();
      expect(await store.applyListChange({ context, expectedVersion: 0, add: [], remove: [] })).toEqual({
        status: 'applied',
        change: { version: 0, added: [], removed: [], superUserFeatureEnabled: false },
      });
    });
  });

  describe(`${engine.name}: applyListChange and the super-user feature`, () => {
    const stores = engine.use();

    it('switches the feature on once, in the same change, and audits it once when Exchange entries are added', async () => {
      const store = await stores.open();
      const first = await store.applyListChange({ context, expectedVersion: 0, add: [exchange], remove: [] });
      const later = changeContext({ actor: 'CORP\\bob', correlationId: 'request-2', at: '2025-03-02T08:00:00.000Z' });
      const second = await store.applyListChange({
        context: later,
        expectedVersion: 1,
        add: [{ ...exchange, sid: 'S-1-5-21-1-2-3-1140', name: 'CORP\\EX02$' }],
        remove: [],
      });
      const switches = await store.auditPage({ limit: 10, action: 'super-user-feature.enable' });
      expect({
        enabled: [first, second].map((outcome) => outcome.status === 'applied' && outcome.change.superUserFeatureEnabled),
        feature: await store.superUserFeature(),
        switches: switches.records.map(({ actor, correlationId, target, before, after }) => ({ actor, correlationId, target, before, after })),
      }).toEqual({
        enabled: [true, true],
        feature: { enabled: true, changedBy: context.actor, changedAt: context.at },
        switches: [
          { actor: context.actor, correlationId: context.correlationId, target: 'super-user feature', before: { enabled: false }, after: { enabled: true } },
        ],
      });
    });

    it('leaves the feature off when no Exchange entry is added', async () => {
      const store = await stores.open();
      await applied(store, { context, expectedVersion: 0, add: [sharepoint, fci], remove: [] });
      expect(await store.superUserFeature()).toEqual({ enabled: false, changedBy: null, changedAt: null });
    });
  });
}
