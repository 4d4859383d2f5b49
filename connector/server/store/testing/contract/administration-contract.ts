import { describe, expect, it } from 'vitest';
import { AdministrationSchema } from '../../../../../contract/connector-api/index.ts';
import type { AdministratorToAdd, ConfigStore } from '../../config-store.ts';
import { changeContext } from '../change-context.ts';
import type { StoreEngine } from './store-engine.ts';

const admins: AdministratorToAdd = { sid: 'S-1-5-21-1-2-3-1500', name: 'CORP\\RMS Admins', kind: 'group', role: 'GlobalAdministrator' };
const first = changeContext();
const second = changeContext({ actor: 'CORP\\bob', correlationId: 'request-2', at: '2025-03-02T08:00:00.000Z' });

/** The audit trail, oldest first, as action, target, before and after. */
async function trail(store: ConfigStore) {
  const page = await store.auditPage({ limit: 100 });
  return page.records.reverse().map(({ action, target, before, after }) => ({ action, target, before, after }));
}

/** The store contract: administration, run against every engine. */
export function administrationContract(engine: StoreEngine): void {
  describe(`${engine.name}: role-based administrators`, () => {
    const stores = engine.use();

    it('adds once, refuses the same SID and role again, and removes once, auditing each change', async () => {
      const store = await stores.open();
      const sameGroupOtherRole = { ...admins, role: 'ConnectorAdministrator' } as const;
      const results = [
        await store.addAdministrator(admins, first),
        await store.addAdministrator({ ...admins, name: 'renamed' }, second),
        await store.addAdministrator(sameGroupOtherRole, first),
      ];
      const listed = await store.listAdministrators();
      results.push(
        await store.removeAdministrator(admins.sid, 'GlobalAdministrator', second),
        await store.removeAdministrator(admins.sid, 'GlobalAdministrator', second),
      );
      const stored = { ...admins, addedBy: first.actor, addedAt: first.at };
      expect({ results, listed, after: await store.listAdministrators(), trail: await trail(store) }).toEqual({
        results: [true, false, true, true, false],
        listed: [stored, { ...sameGroupOtherRole, addedBy: first.actor, addedAt: first.at }],
        after: [{ ...sameGroupOtherRole, addedBy: first.actor, addedAt: first.at }],
        trail: [
          { action: 'role-based-administrator.add', target: 'CORP\\RMS Admins (GlobalAdministrator)', before: null, after: stored },
          {
            action: 'role-based-administrator.add',
            target: 'CORP\\RMS Admins (ConnectorAdministrator)',
            before: null,
            after: { ...sameGroupOtherRole, addedBy: first.actor, addedAt: first.at },
          },
          { action: 'role-based-administrator.remove', target: 'CORP\\RMS Admins (GlobalAdministrator)', before: stored, after: null },
        ],
      });
    });
  });

  describe(`${engine.name}: onboarding control`, () => {
    const stores = engine.use();

    it('reports nothing set when it was never changed', async () => {
      expect(await (await stores.open()).onboardingControl()).toEqual({ group: null, changedBy: null, changedAt: null });
    });

    it('sets, replaces and clears the group, auditing only real changes', async () => {
      const store = await stores.open();
      const pilot = { sid: 'S-1-5-21-1-2-3-1600', name: 'CORP\\RMS Pilot' };
      const everyone = { sid: 'S-1-5-21-1-2-3-1601', name: 'CORP\\RMS Everyone' };
      await store.setOnboardingControl(null, first);
      await store.setOnboardingControl(pilot, first);
      await store.setOnboardingControl(pilot, second);
      await store.setOnboardingControl(everyone, first);
      const replaced = await store.onboardingControl();
      await store.setOnboardingControl(null, second);
      await store.setOnboardingControl(null, first);
      expect({ replaced, cleared: await store.onboardingControl(), trail: await trail(store) }).toEqual({
        replaced: { group: everyone, changedBy: first.actor, changedAt: first.at },
        cleared: { group: null, changedBy: second.actor, changedAt: second.at },
        trail: [
          { action: 'onboarding-control.set', target: pilot.name, before: null, after: pilot },
          { action: 'onboarding-control.set', target: everyone.name, before: pilot, after: everyone },
          { action: 'onboarding-control.clear', target: everyone.name, before: everyone, after: null },
        ],
      });
    });
  });

  describe(`${engine.name}: conditional administration changes`, () => {
    const stores = engine.use();
    const alice: AdministratorToAdd = { sid: 'S-1-5-21-1-2-3-1104', name: 'CORP\\alice', kind: 'user', role: 'GlobalAdministrator' };
    const pilot = { sid: 'S-1-5-21-1-2-3-1600', name: 'CORP\\RMS Pilot' };

    it('applies a change at the version read, moves the version, and refuses a stale one without writing', async () => {
      const store = await stores.open();
      const start = await store.administration();
      const added = await store.changeAdministration({
        context: first,
        expectedVersion: start.version,
        action: { kind: 'add-administrator', administrator: admins },
      });
      const stale = await store.changeAdministration({ context: second, expectedVersion: start.version, action: { kind: 'set-onboarding', group: pilot } });
      const after = await store.administration();
      expect({ start: start.version, added: added.status, stale, after: { version: after.version, onboarding: after.onboardingControl.group } }).toEqual({
        start: 0,
        added: 'applied',
        stale: { status: 'stale', currentVersion: after.version },
        after: { version: expect.any(Number), onboarding: null },
      });
      expect(after.version).toBeGreaterThan(0);
      expect(added.status === 'applied' && added.administration).toEqual(after);
    });

    it('answers duplicate, missing and last-global-administrator without writing, and removes with the assignment as it was', async () => {
      const store = await stores.open();
      await store.addAdministrator(alice, first);
      await store.addAdministrator(admins, first);
      const change = async (action: Parameters<ConfigStore['changeAdministration']>[0]['action']) =>
        store.changeAdministration({ context: second, expectedVersion: 'any', action });
      const duplicate = await change({ kind: 'add-administrator', administrator: alice });
      const missing = await change({ kind: 'remove-administrator', sid: alice.sid, role: 'ConnectorAdministrator' });
      const versionBefore = (await store.administration()).version;
      const removed = await change({ kind: 'remove-administrator', sid: admins.sid, role: 'GlobalAdministrator' });
      const last = await change({ kind: 'remove-administrator', sid: alice.sid, role: 'GlobalAdministrator' });
      expect({
        duplicate,
        missing,
        removed: removed.status === 'applied' ? removed.removed : removed,
        last,
        remaining: (await store.listAdministrators()).map((administrator) => administrator.sid),
        movedOnce: (await store.administration()).version > versionBefore,
      }).toEqual({
        duplicate: { status: 'duplicate' },
        missing: { status: 'missing' },
        removed: { ...admins, addedBy: first.actor, addedAt: first.at },
        last: { status: 'last-global-administrator' },
        remaining: [alice.sid],
        movedOnce: true,
      });
    });

    it('sets and clears onboarding control conditionally, auditing each', async () => {
      const store = await stores.open();
      const set = await store.changeAdministration({ context: first, expectedVersion: 0, action: { kind: 'set-onboarding', group: pilot } });
      const version = set.status === 'applied' ? set.administration.version : -1;
      const cleared = await store.changeAdministration({ context: second, expectedVersion: [version], action: { kind: 'set-onboarding', group: null } });
      expect({
        set: set.status === 'applied' && set.administration.onboardingControl.group,
        cleared: cleared.status === 'applied' && cleared.administration.onboardingControl,
        trail: (await trail(store)).map((record) => record.action),
      }).toEqual({
        set: pilot,
        cleared: { group: null, changedBy: second.actor, changedAt: second.at },
        trail: ['onboarding-control.set', 'onboarding-control.clear'],
      });
    });
  });

  describe(`${engine.name}: administration reads`, () => {
    const stores = engine.use();

    it('returns shapes the API schema accepts when everything is set', async () => {
      const store = await stores.open();
      await store.addAdministrator(admins, first);
      await store.setOnboardingControl({ sid: 'S-1-5-21-1-2-3-1600', name: 'CORP\\RMS Pilot' }, first);
      await store.applyListChange({
        context: first,
        expectedVersion: 0,
        add: [{ sid: 'S-1-5-21-1-2-3-1139', name: 'CORP\\EX01$', role: 'exchange', kind: 'computer' }],
        remove: [],
      });
      expect(AdministrationSchema.safeParse(await store.administration()).error).toBeUndefined();
    });

    it('stores the change time in one ISO form when the caller gives another', async () => {
      const store = await stores.open();
      await store.addAdministrator(admins, changeContext({ at: '2025-03-01T11:00:00+01:00' }));
      expect((await store.listAdministrators())[0]?.addedAt).toBe('2025-03-01T10:00:00.000Z');
    });
  });
}
