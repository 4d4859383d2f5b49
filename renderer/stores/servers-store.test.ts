import { describe, expect, it } from 'vitest';
import type { IpcError } from '../../contract/index.ts';
import { createFakeApi, failure, success } from '../testing/fake-api.ts';
import { LIST_CHANGED_ERROR, makeEntries, makeServerList } from '../testing/console-fixtures.ts';
import { createServersStore } from './servers-store.ts';

const SERVICE_DOWN: IpcError = { code: 'SERVICE_UNAVAILABLE', source: 'service', title: 'The service is not answering', message: 'Check that it runs.' };

describe('createServersStore', () => {
  it('holds the entries and version tag after a refresh', async () => {
    const entries = makeEntries(3);
    const store = createServersStore(createFakeApi({ 'servers:list': () => success(makeServerList(entries, 4)) }));

    await store.getState().refresh();

    const { loadState, version, versionTag, error } = store.getState();
    expect({ loadState, version, versionTag, error, entries: store.getState().entries }).toEqual({
      loadState: 'loaded',
      version: 4,
      versionTag: 'v4',
      error: undefined,
      entries,
    });
  });

  it('keeps the previous entries and records the error when a refresh fails', async () => {
    let answer = success(makeServerList(makeEntries(2)));
    const store = createServersStore(createFakeApi({ 'servers:list': () => answer }));
    await store.getState().refresh();
    answer = failure(SERVICE_DOWN);

    await store.getState().refresh();

    expect({ loadState: store.getState().loadState, error: store.getState().error, count: store.getState().entries.length }).toEqual({
      loadState: 'failed',
      error: SERVICE_DOWN,
      count: 2,
    });
  });

  it('removes with the version tag of the last read, then reads the list again', async () => {
    const [first, second] = makeEntries(2);
    if (!first || !second) throw new Error('fixtures');
    let list = makeServerList([first, second], 1);
    const api = createFakeApi({
      'servers:list': () => success(list),
      'servers:remove': () => {
        list = makeServerList([second], 2);
        return success({ removed: first, version: 2, versionTag: 'v2' });
      },
    });
    const store = createServersStore(api);
    await store.getState().refresh();

    const result = await store.getState().remove(first.id);

    expect(result.ok).toBe(true);
    expect(api.calls.map((call) => call.channel)).toEqual(['servers:list', 'servers:remove', 'servers:list']);
    expect(api.calls[1]?.request).toEqual({ id: first.id, versionTag: 'v1' });
    expect({ entries: store.getState().entries, versionTag: store.getState().versionTag }).toEqual({ entries: [second], versionTag: 'v2' });
  });

  it('raises the list-changed flag when a removal is refused with LIST_CHANGED, and a reload clears it', async () => {
    const entries = makeEntries(1);
    const api = createFakeApi({ 'servers:list': () => success(makeServerList(entries)), 'servers:remove': () => failure(LIST_CHANGED_ERROR) });
    const store = createServersStore(api);
    await store.getState().refresh();

    const result = await store.getState().remove(entries[0]?.id ?? '');

    expect({ ok: result.ok, listChanged: store.getState().listChanged }).toEqual({ ok: false, listChanged: true });
    await store.getState().refresh();
    expect(store.getState().listChanged).toBe(false);
  });

  it('refuses to remove before the list was ever read', async () => {
    const api = createFakeApi({});
    const result = await createServersStore(api).getState().remove('00000000-0000-4000-8000-000000000001');
    expect({ ok: result.ok, calls: api.calls }).toEqual({ ok: false, calls: [] });
  });

  it('passes the CSV export through', async () => {
    const csv = { fileName: 'servers-allowed-to-utilize-the-connector.csv', csv: 'Account\r\n', entries: 0 };
    const store = createServersStore(createFakeApi({ 'servers:export-csv': () => success(csv) }));
    expect(await store.getState().exportCsv()).toEqual(success(csv));
  });

  it('drops a selection whose entry disappeared on refresh', async () => {
    let entries = makeEntries(2);
    const store = createServersStore(createFakeApi({ 'servers:list': () => success(makeServerList(entries)) }));
    await store.getState().refresh();
    store.getState().select(entries[0]?.id);
    entries = entries.slice(1);

    await store.getState().refresh();

    expect(store.getState().selectedId).toBeUndefined();
  });
});

describe('createServersStore reread', () => {
  it('re-reads without the loading state, and drops an answer older than the list shown', async () => {
    const answers = [makeServerList(makeEntries(2), 4), makeServerList(makeEntries(3), 6), makeServerList(makeEntries(1), 5)];
    const store = createServersStore(createFakeApi({ 'servers:list': () => success(answers.shift() ?? makeServerList([], 0)) }));
    await store.getState().reread();
    const beforeFirstRead = store.getState().loadState;
    await store.getState().refresh();
    const states: string[] = [];
    const unsubscribe = store.subscribe((state) => states.push(state.loadState));
    await store.getState().reread();
    await store.getState().reread();
    unsubscribe();
    expect([beforeFirstRead, states, store.getState().version, store.getState().entries.length]).toEqual(['idle', ['loaded'], 6, 3]);
  });
});
