import { describe, expect, it } from 'vitest';
import type { IpcResult, ObjectTypeFilter, Role, SearchPage } from '../../../contract/index.ts';
import { createFakeApi, failure, success, type FakeHandlers } from '../../testing/fake-api.ts';
import { createObjectPickerStore } from './object-picker-store.ts';
import { deferred, directoryObjects } from './testing/directory-fixtures.ts';

const SEARCH_ID = '9d3c2b1a-0f4e-4d5c-8b7a-6e5f4d3c2b1a';
const firstPage = directoryObjects(100);
const secondPage = directoryObjects(30, 3000);

function setUp(handlers: FakeHandlers = {}) {
  const api = createFakeApi({
    'directory:search-start': () => success({ searchId: SEARCH_ID, objects: firstPage, done: false }),
    'directory:search-next': () => success({ searchId: SEARCH_ID, objects: secondPage, done: true }),
    'directory:search-close': () => success({ closed: true }),
    'operation:cancel': () => success({ cancelled: true }),
    ...handlers,
  });
  const store = createObjectPickerStore(api);
  store.getState().reset('fci');
  return {
    api,
    store,
    state: () => store.getState(),
    requests: (channel: string) => api.calls.filter((call) => call.channel === channel).map((call) => call.request),
  };
}

describe('object-picker-store', () => {
  it.each<[Role, ObjectTypeFilter[]]>([
    ['exchange', ['security-group']],
    ['sharepoint', ['user', 'service-account', 'security-group']],
    ['fci', ['computer', 'security-group']],
  ])('presets the object types for the %s role', (role, types) => {
    const { state } = setUp();
    state().reset(role);
    expect([...state().types].sort()).toEqual([...types].sort());
  });

  it('starts a search with the text, types, location and page size when Find Now runs', async () => {
    const { state, requests } = setUp();
    state().setText(' FILE ');
    await state().search();
    expect(requests('directory:search-start')).toEqual([
      { text: 'FILE', types: ['computer', 'security-group'], location: { kind: 'domain' }, pageSize: 100, operationId: expect.any(String) },
    ]);
    expect({ searchState: state().searchState, count: state().objects.length, done: state().done }).toEqual({ searchState: 'loaded', count: 100, done: false });
  });

  it('appends the next page and stops asking once the search is done', async () => {
    const { state, requests } = setUp();
    await state().search();
    await state().loadMore();
    await state().loadMore();
    expect(requests('directory:search-next')).toEqual([{ searchId: SEARCH_ID }]);
    expect({ count: state().objects.length, done: state().done }).toEqual({ count: 130, done: true });
  });

  it('asks for one page at a time while a page is on its way', async () => {
    const next = deferred<IpcResult<SearchPage>>();
    const { state, requests } = setUp({ 'directory:search-next': () => next.promise });
    await state().search();
    const first = state().loadMore();
    void state().loadMore();
    next.resolve(success({ searchId: SEARCH_ID, objects: secondPage, done: false }));
    await first;
    expect(requests('directory:search-next')).toHaveLength(1);
  });

  it('closes the previous search when a new one starts and when the picker closes', async () => {
    const { state, requests } = setUp();
    await state().search();
    await state().search();
    state().close();
    expect(requests('directory:search-close')).toEqual([{ searchId: SEARCH_ID }, { searchId: SEARCH_ID }]);
    expect(state().objects).toEqual([]);
  });

  it('searches one container when an organizational unit is chosen', async () => {
    const { state, requests } = setUp();
    state().setLocationKind('container');
    await state().search();
    expect(state().validation).toBe('Choose an organizational unit in the tree.');
    state().setContainer('OU=File Servers,DC=corp,DC=contoso,DC=test');
    await state().search();
    expect(requests('directory:search-start')).toEqual([
      expect.objectContaining({ location: { kind: 'container', distinguishedName: 'OU=File Servers,DC=corp,DC=contoso,DC=test' } }),
    ]);
  });

  it('refuses to search with no object type ticked', async () => {
    const { state, requests } = setUp();
    state().setType('computer', false);
    state().setType('security-group', false);
    await state().search();
    expect({ validation: state().validation, calls: requests('directory:search-start') }).toEqual({ validation: 'Tick at least one object type.', calls: [] });
  });

  it('cancels the first page and closes the cursor that arrives late', async () => {
    const start = deferred<IpcResult<SearchPage>>();
    const { state, requests } = setUp({ 'directory:search-start': () => start.promise });
    const running = state().search();
    const operationId = state().operationId;
    await state().cancel();
    start.resolve(success({ searchId: SEARCH_ID, objects: firstPage, done: false }));
    await running;
    expect({
      cancel: requests('operation:cancel'),
      close: requests('directory:search-close'),
      searchState: state().searchState,
      objects: state().objects,
    }).toEqual({
      cancel: [{ operationId }],
      close: [{ searchId: SEARCH_ID }],
      searchState: 'idle',
      objects: [],
    });
  });

  it('shows the error of a failed search', async () => {
    const error = { code: 'SIZE_LIMIT', source: 'directory' as const, title: 'Too many results', message: 'Narrow the search.' };
    const { state } = setUp({ 'directory:search-start': () => failure(error) });
    await state().search();
    expect({ searchState: state().searchState, error: state().error }).toEqual({ searchState: 'failed', error });
  });
});
