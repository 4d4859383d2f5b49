import { describe, expect, it } from 'vitest';
import type { BrowseEntry } from '../../../contract/index.ts';
import { createFakeApi, success } from '../../testing/fake-api.ts';
import { createOuTreeStore, ROOT_KEY } from './ou-tree-store.ts';

function entry(name: string, parent: string, isContainer = true): BrowseEntry {
  return { distinguishedName: `OU=${name},${parent}`, name, objectClass: isContainer ? 'organizationalUnit' : 'user', isContainer, guid: `guid-${name}` };
}

const ROOT = 'DC=corp,DC=contoso,DC=test';
const servers = entry('Servers', ROOT);

describe('ou-tree-store', () => {
  it('loads the domain root without a parent DN and keeps only containers', async () => {
    const api = createFakeApi({ 'directory:browse': () => success([servers, entry('alice', ROOT, false)]) });
    const store = createOuTreeStore(api);
    await store.getState().load(ROOT_KEY);
    expect(api.calls).toEqual([{ channel: 'directory:browse', request: { operationId: expect.any(String) } }]);
    expect(store.getState().branches[ROOT_KEY]).toEqual({ state: 'loaded', containers: [servers] });
  });

  it('loads a branch the first time it opens, and only then', async () => {
    const api = createFakeApi({ 'directory:browse': () => success([entry('File Servers', servers.distinguishedName)]) });
    const store = createOuTreeStore(api);
    store.getState().setOpen(servers.distinguishedName, true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    store.getState().setOpen(servers.distinguishedName, false);
    store.getState().setOpen(servers.distinguishedName, true);
    expect(api.calls.map((call) => call.request)).toEqual([{ parentDn: servers.distinguishedName, operationId: expect.any(String) }]);
    expect([...store.getState().openItems]).toEqual([servers.distinguishedName]);
  });
});
