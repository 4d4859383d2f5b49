import { describe, expect, it } from 'vitest';
import type { Administration, DirectoryObject, IpcError } from '../../../contract/index.ts';
import { createFakeApi, failure, success } from '../../testing/fake-api.ts';
import { createAdministrationStore } from './administration-store.ts';

const alice = {
  sid: 'S-1-5-21-1-2-3-1104',
  name: 'alice@corp.contoso.test',
  kind: 'user',
  role: 'GlobalAdministrator',
  addedBy: 'setup',
  addedAt: '2026-01-01T00:00:00.000Z',
} as const;
const itOps = {
  ...alice,
  sid: 'S-1-5-21-1-2-3-1200',
  name: 'CORP\\IT Ops',
  kind: 'group',
  role: 'ConnectorAdministrator',
  addedBy: 'alice@corp.contoso.test',
} as const;

function administrationAt(version: number, administrators: Administration['administrators']): Administration {
  return {
    version,
    administrators,
    onboardingControl: { group: null, changedBy: null, changedAt: null },
    superUserFeature: { enabled: false, changedBy: null, changedAt: null },
  };
}

const group = { sid: itOps.sid, name: 'IT Ops', samAccountName: 'IT Ops', kind: 'group' } as DirectoryObject;
const refusal = (code: string): IpcError => ({ code, source: 'service', title: code, message: code });

describe('createAdministrationStore', () => {
  it('adds at the version shown, says what it did, and reads the administration again', async () => {
    let current = administrationAt(4, [alice]);
    const api = createFakeApi({
      'administration:get': () => success(current),
      'administration:add-administrator': () => {
        current = administrationAt(5, [alice, itOps]);
        return success({ administrator: itOps, version: 5 });
      },
    });
    const store = createAdministrationStore(api);
    await store.getState().refresh();

    const outcome = await store.getState().add(group, 'ConnectorAdministrator');

    expect({ outcome, notice: store.getState().notice, version: store.getState().administration?.version }).toEqual({
      outcome: undefined,
      notice: 'CORP\\IT Ops is now a Connector Administrator.',
      version: 5,
    });
    expect(api.calls.map((call) => [call.channel, call.request])).toContainEqual([
      'administration:add-administrator',
      { sid: itOps.sid, role: 'ConnectorAdministrator', version: 4 },
    ]);
  });

  it('reloads when someone changed the administration meanwhile, keeping the refusal on screen', async () => {
    let current = administrationAt(4, [alice]);
    const api = createFakeApi({
      'administration:get': () => success(current),
      'administration:clear-onboarding-group': () => {
        current = administrationAt(6, [alice, itOps]);
        return failure(refusal('ADMINISTRATION_CHANGED'));
      },
    });
    const store = createAdministrationStore(api);
    await store.getState().refresh();

    const outcome = await store.getState().clearOnboardingGroup();

    expect({ code: outcome?.code, error: store.getState().error?.code, version: store.getState().administration?.version }).toEqual({
      code: 'ADMINISTRATION_CHANGED',
      error: 'ADMINISTRATION_CHANGED',
      version: 6,
    });
  });

  it('turns read-only when the service says only a GlobalAdministrator may change it', async () => {
    const api = createFakeApi({
      'administration:get': () => success(administrationAt(4, [alice, itOps])),
      'administration:remove-administrator': () => failure(refusal('GLOBAL_ADMINISTRATOR_REQUIRED')),
    });
    const store = createAdministrationStore(api);
    await store.getState().refresh();

    await store.getState().remove(itOps);

    expect({ readOnly: store.getState().refusedAsNotGlobal, administrators: store.getState().administration?.administrators.length }).toEqual({
      readOnly: true,
      administrators: 2,
    });
  });
});
