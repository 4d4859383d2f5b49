import { describe, expect, it } from 'vitest';
import type { AuthorizedAccount, DirectoryObject, Resolution } from '../../../contract/index.ts';
import { createFakeApi, failure, success } from '../../testing/fake-api.ts';
import { directoryObject, finding, serverCheck } from '../object-picker/testing/directory-fixtures.ts';
import { createAddSeveralStore, selectCanSaveSeveral } from './add-several-store.ts';

const alice = directoryObject(1201, { name: 'Alice', samAccountName: 'alice', kind: 'user' });
const bob = directoryObject(1202, { name: 'Bob', samAccountName: 'bob', kind: 'user' });
const johnSales = directoryObject(1203, { name: 'John Smith', samAccountName: 'jsmith', inFolder: 'corp.contoso.test/Sales' });
const johnLegal = directoryObject(1204, { name: 'John Smith', samAccountName: 'jsmith2', inFolder: 'corp.contoso.test/Legal' });
const objects = [alice, bob, johnSales, johnLegal];

function addedEntry(sid: string, role: AuthorizedAccount['role'], index: number): AuthorizedAccount {
  const object = objects.find((candidate) => candidate.sid === sid) as DirectoryObject;
  return {
    id: `7b0e4a52-3f55-4d6c-9a0e-8f0c1d2e3f${String(10 + index)}`,
    sid: object.sid,
    name: `CORP\\${object.samAccountName ?? ''}`,
    role,
    kind: object.kind,
    addedBy: 'CORP\\admin',
    addedAt: '2026-11-22T10:00:00.000Z',
  };
}

function setUp(resolutions: Resolution[], alreadyListed?: string) {
  let version = 7;
  const api = createFakeApi({
    'directory:resolve-names': () => success(resolutions),
    'servers:check': (request) => {
      const object = objects.find((candidate) => candidate.sid === request.sid) as DirectoryObject;
      return success(serverCheck(object, request.role, [finding('SHAREPOINT_BOTH_ACCOUNTS', 'warning')]));
    },
    'servers:add-several': (request) => {
      if (request.versionTag !== `v${String(version)}`) return failure({ code: 'LIST_CHANGED', source: 'console', title: 'The list changed', message: '' });
      version += 1;
      // One already listed in that role is not added again.
      const added = request.accounts.filter((account) => account.sid !== alreadyListed).map((account, index) => addedEntry(account.sid, request.role, index));
      return success({ added, version, versionTag: `v${String(version)}` });
    },
  });
  const store = createAddSeveralStore(api);
  return { api, store, state: () => store.getState() };
}

describe('createAddSeveralStore', () => {
  it('checks each name and adds them all in one call, naming the version the checks judged', async () => {
    const { api, store, state } = setUp([
      { status: 'resolved', input: 'alice', object: alice },
      { status: 'resolved', input: 'bob', object: bob },
    ]);
    await store.getState().checkNames('sharepoint', ['alice', 'bob']);
    expect(state().items.map((item) => [item.label, item.checkState])).toEqual([
      ['CORP\\alice', 'loaded'],
      ['CORP\\bob', 'loaded'],
    ]);
    expect(selectCanSaveSeveral(state())).toBe(false);
    for (const item of state().items) state().acknowledge(item.sid, 'SHAREPOINT_BOTH_ACCOUNTS', true);
    expect(selectCanSaveSeveral(state())).toBe(true);

    const outcome = await store.getState().save();

    expect(outcome.summary).toBe('Added 2 as SharePoint Server: CORP\\alice, CORP\\bob.');
    expect(api.calls.filter((call) => call.channel === 'servers:add-several').map((call) => call.request)).toEqual([
      {
        role: 'sharepoint',
        accounts: [
          { sid: alice.sid, acknowledged: ['SHAREPOINT_BOTH_ACCOUNTS'] },
          { sid: bob.sid, acknowledged: ['SHAREPOINT_BOTH_ACCOUNTS'] },
        ],
        versionTag: 'v7',
        operationId: expect.any(String),
      },
    ]);
    expect(api.calls.some((call) => call.channel === 'servers:add')).toBe(false);
    expect(api.calls.filter((call) => call.channel === 'directory:resolve-names')).toHaveLength(1);
  });

  it('asks about an ambiguous name in turn and checks the object chosen', async () => {
    const { store, state } = setUp([
      { status: 'resolved', input: 'alice', object: alice },
      { status: 'ambiguous', input: 'John Smith', candidates: [johnSales, johnLegal] },
    ]);
    await store.getState().checkNames('sharepoint', ['alice', 'John Smith']);
    expect(state().ambiguous.map((name) => name.input)).toEqual(['John Smith']);
    await store.getState().chooseCandidate(johnLegal);
    expect({ ambiguous: state().ambiguous, items: state().items.map((item) => item.label) }).toEqual({
      ambiguous: [],
      items: ['CORP\\alice', 'CORP\\jsmith2'],
    });
  });

  it('reports names not found (or not chosen) and will not save part of the list', async () => {
    const { store, state } = setUp([
      { status: 'resolved', input: 'alice', object: alice },
      { status: 'not-found', input: 'bbo', reason: 'No object named “bbo” was found.' },
      { status: 'ambiguous', input: 'John Smith', candidates: [johnSales, johnLegal] },
    ]);
    await store.getState().checkNames('sharepoint', ['alice', 'bbo', 'John Smith']);
    store.getState().skipCandidates();
    state().acknowledge(alice.sid, 'SHAREPOINT_BOTH_ACCOUNTS', true);
    expect(state().unresolved).toEqual([
      { input: 'bbo', reason: 'No object named “bbo” was found.' },
      { input: 'John Smith', reason: '2 objects match; none was chosen.' },
    ]);
    expect(selectCanSaveSeveral(state())).toBe(false);
  });

  it('adds none of them when the list changed since the checks, and says so', async () => {
    const { api, store, state } = setUp([]);
    await store.getState().checkObjects('sharepoint', [alice, bob]);
    for (const item of state().items) state().acknowledge(item.sid, 'SHAREPOINT_BOTH_ACCOUNTS', true);
    // Another admin's change: both checks name a version older than the live one.
    store.setState({ items: state().items.map((item) => (item.check ? { ...item, check: { ...item.check, versionTag: 'v6' } } : item)) });
    expect(await store.getState().save()).toEqual({
      kind: 'list-changed',
      summary: 'Nothing was added: the list was changed by someone else. Reload it, then add them again.',
    });
    expect(api.calls.filter((call) => call.channel === 'servers:add-several')).toHaveLength(1);
  });

  it('does not send checks judged against different versions: the list moved while they ran', async () => {
    const { api, store, state } = setUp([]);
    await store.getState().checkObjects('sharepoint', [alice, bob]);
    for (const item of state().items) state().acknowledge(item.sid, 'SHAREPOINT_BOTH_ACCOUNTS', true);
    store.setState({
      items: state().items.map((item, index) => (item.check ? { ...item, check: { ...item.check, versionTag: `v${String(6 + index)}` } } : item)),
    });
    expect((await store.getState().save()).kind).toBe('list-changed');
    expect(api.calls.filter((call) => call.channel === 'servers:add-several')).toHaveLength(0);
  });

  it('says which were already in the list in that role', async () => {
    const { store, state } = setUp([], alice.sid);
    await store.getState().checkObjects('sharepoint', [alice, bob]);
    for (const item of state().items) state().acknowledge(item.sid, 'SHAREPOINT_BOTH_ACCOUNTS', true);
    expect((await store.getState().save()).summary).toBe('Added 1 as SharePoint Server: CORP\\bob. 1 already in the list as SharePoint Server.');
  });
});
