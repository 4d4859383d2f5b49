import { describe, expect, it } from 'vitest';
import type { AccountProperties } from '../../../contract/index.ts';
import { createFakeApi } from '../../testing/fake-api.ts';
import { createPropertiesStore } from './properties-store.ts';

const sid = 'S-1-5-21-1-2-3-1105';
const properties: AccountProperties = {
  object: {
    sid,
    guid: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
    distinguishedName: 'CN=EXCH03,OU=Exchange,DC=corp,DC=contoso,DC=test',
    name: 'EXCH03',
    samAccountName: 'EXCH03$',
    kind: 'computer',
    disabled: false,
    servicePrincipalNames: [],
    canonicalName: 'corp.contoso.test/Exchange/EXCH03',
    inFolder: 'corp.contoso.test/Exchange',
  },
  accountName: 'CORP\\EXCH03$',
  memberOf: { transitive: false, total: 0, rows: [] },
};

describe('properties store', () => {
  it('opens on the tab asked for and reads the account by SID, direct lists first', async () => {
    const api = createFakeApi({ 'directory:properties': () => ({ ok: true, value: properties }) });
    const store = createPropertiesStore(api);
    store.getState().openAccountProperties({ sid, name: 'CORP\\EXCH03$', section: 'memberOf' });
    await expect.poll(() => store.getState().loadState).toBe('loaded');
    expect([store.getState().open, store.getState().section, store.getState().properties, api.calls[0]?.request]).toEqual([
      true,
      'memberOf',
      properties,
      { sid, transitiveMemberOf: false, transitiveMembers: false, operationId: expect.any(String) },
    ]);
  });

  it('reads again with nested groups when the Member Of switch is turned on', async () => {
    const api = createFakeApi({ 'directory:properties': () => ({ ok: true, value: properties }) });
    const store = createPropertiesStore(api);
    store.getState().openAccountProperties({ sid });
    store.getState().setTransitive('memberOf', true);
    await expect.poll(() => store.getState().loadState).toBe('loaded');
    expect(api.calls.at(-1)?.request).toEqual({ sid, transitiveMemberOf: true, transitiveMembers: false, operationId: expect.any(String) });
  });

  it('keeps the error of a failed read and closes without a read running', async () => {
    const error = { code: 'NOT_FOUND', source: 'directory' as const, title: 'Not found in the directory', message: 'No object in the directory has the SID.' };
    const api = createFakeApi({ 'directory:properties': () => ({ ok: false, error }) });
    const store = createPropertiesStore(api);
    store.getState().openAccountProperties({ sid });
    await expect.poll(() => store.getState().loadState).toBe('failed');
    store.getState().close();
    expect([store.getState().open, store.getState().error, store.getState().operationId]).toEqual([false, error, undefined]);
  });
});
