import { describe, expect, it } from 'vitest';
import type { ConfigStore } from '../../config-store.ts';
import { changeContext } from '../change-context.ts';
import type { StoreEngine } from './store-engine.ts';

/**
 * Nine administrator changes, one a minute from 10:00: odd minutes by Jürgen (adds), even
 * minutes by eve (adds, then a remove at 10:08).
 */
async function nineChanges(store: ConfigStore): Promise<void> {
  for (let minute = 0; minute < 8; minute++) {
    const actor = minute % 2 === 1 ? 'CORP\\Jürgen' : 'CORP\\eve';
    const context = changeContext({ actor, correlationId: `request-${minute}`, at: `2025-03-01T10:0${minute}:00.000Z` });
    await store.addAdministrator(
      { sid: `S-1-5-21-1-2-3-${2000 + minute}`, name: `CORP\\admin${minute}`, kind: 'user', role: 'ConnectorAdministrator' },
      context,
    );
  }
  await store.removeAdministrator('S-1-5-21-1-2-3-2000', 'ConnectorAdministrator', changeContext({ actor: 'CORP\\eve', at: '2025-03-01T10:08:00.000Z' }));
}

/** The targets of a page, with its cursor: enough to see which records came and in what order. */
async function page(store: ConfigStore, query: Parameters<ConfigStore['auditPage']>[0]) {
  const result = await store.auditPage(query);
  return { targets: result.records.map((record) => `${record.action} ${record.target}`), nextBefore: result.nextBefore };
}

/** The store contract: audit, run against every engine. */
export function auditContract(engine: StoreEngine): void {
  describe(`${engine.name}: auditPage`, () => {
    const stores = engine.use();

    it('walks three pages newest first, matching the actor regardless of case, when filtered by actor', async () => {
      const store = await stores.open();
      await nineChanges(store);
      const add = (minute: number): string => `role-based-administrator.add CORP\\admin${minute} (ConnectorAdministrator)`;
      const first = await page(store, { limit: 1, actor: 'corp\\JÜRGEN' });
      const second = await page(store, { limit: 2, actor: 'corp\\JÜRGEN', before: first.nextBefore ?? 0 });
      const third = await page(store, { limit: 2, actor: 'corp\\JÜRGEN', before: second.nextBefore ?? 0 });
      expect([first, second, third]).toEqual([
        { targets: [add(7)], nextBefore: 8 },
        { targets: [add(5), add(3)], nextBefore: 4 },
        { targets: [add(1)], nextBefore: null },
      ]);
    });

    it('keeps only records of the action inside the time range when filtered by action, since and until', async () => {
      const store = await stores.open();
      await nineChanges(store);
      const query = { limit: 2, action: 'role-based-administrator.add', since: '2025-03-01T10:02:00Z', until: '2025-03-01T10:06:00.000Z' } as const;
      const first = await page(store, query);
      const second = await page(store, { ...query, before: first.nextBefore ?? 0 });
      const third = await page(store, { ...query, before: second.nextBefore ?? 0 });
      expect([first, second, third].map((result) => result.targets.map((target) => target.replace(/^.*admin(\d).*$/, '$1')))).toEqual([
        ['6', '5'],
        ['4', '3'],
        ['2'],
      ]);
      expect(third.nextBefore).toBeNull();
    });

    it('returns no cursor when the matching records exactly fill the page', async () => {
      const store = await stores.open();
      await nineChanges(store);
      expect(await page(store, { limit: 1, action: 'role-based-administrator.remove' })).toEqual({
        targets: ['role-based-administrator.remove CORP\\admin0 (ConnectorAdministrator)'],
        nextBefore: null,
      });
    });

    it('takes a filter value as data, not SQL, when it contains quotes', async () => {
      const store = await stores.open();
      await nineChanges(store);
      expect(await page(store, { limit: 10, actor: "x' OR '1'='1" })).toEqual({ targets: [], nextBefore: null });
    });
  });

  describe(`${engine.name}: the audit table`, () => {
    const stores = engine.use();

    it('refuses UPDATE and DELETE when another connection to the database tries them', async () => {
      const store = await stores.open();
      await nineChanges(store);
      const before = await store.auditPage({ limit: 100 });
      const attempts = [
        await stores.tryStatement('UPDATE audit SET actor = ?', 'CORP\\eve'),
        await stores.tryStatement('DELETE FROM audit WHERE actor = ?', 'CORP\\eve'),
      ].map((answer) => answer.replace(/^.*(audit records are append-only).*$/s, '$1'));
      expect({ attempts, after: await store.auditPage({ limit: 100 }) }).toEqual({
        attempts: ['audit records are append-only', 'audit records are append-only'],
        after: before,
      });
    });
  });
}
