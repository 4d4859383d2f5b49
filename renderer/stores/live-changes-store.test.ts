import { describe, expect, it } from 'vitest';
import type { ConsoleEvent, IpcResult, LiveChange, LiveFeedState } from '../../contract/index.ts';
import { formatTime } from '../format/date-time.ts';
import { createFakeApi, success } from '../testing/fake-api.ts';
import { makeEntries, makeServerList, makeSession } from '../testing/console-fixtures.ts';
import { deferred } from '../features/object-picker/testing/directory-fixtures.ts';
import { createAppStores } from './app-stores.ts';
import { createLiveChangesStore } from './live-changes-store.ts';

const AT = '2026-12-06T10:42:00.000Z';
const ADDED: LiveChange = {
  summary: 'CORP\\bob added CORP\\FS02$ as File server using FCI, through RMSCON02',
  at: AT,
  actor: 'CORP\\bob',
  node: 'RMSCON02',
  listVersion: 8,
  touches: ['list'],
};

/** Let the promises the wiring started settle. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createLiveChangesStore', () => {
  it('holds the feed state, and tells each change with its local time', () => {
    const store = createLiveChangesStore(createFakeApi({}));
    store.getState().apply({ kind: 'feed-state', state: { status: 'live', node: 'RMSCON01' } });
    store.getState().apply({ kind: 'change', change: ADDED });
    const { feed, notice, latest } = store.getState();
    expect({ feed, notice, latest }).toEqual({
      feed: { status: 'live', node: 'RMSCON01' },
      notice: { id: 1, text: `CORP\\bob added CORP\\FS02$ as File server using FCI, through RMSCON02, ${formatTime(AT)}` },
      latest: { id: 1, touches: ['list'], listVersion: 8 },
    });
  });

  it('treats a reload as touching everything and says what happened', () => {
    const store = createLiveChangesStore(createFakeApi({}));
    store.getState().apply({ kind: 'reload', listVersion: 30, at: AT, message: 'The list changed on the service (now version 30).' });
    expect([store.getState().latest, store.getState().notice?.text]).toEqual([
      { id: 1, touches: ['list', 'administrators', 'onboarding', 'super-user-feature', 'super-users'], listVersion: 30 },
      `The list changed on the service (now version 30). Read again at ${formatTime(AT)}.`,
    ]);
  });

  it('keeps a state pushed while the status answer travelled, rather than the older answer', async () => {
    const answer = deferred<IpcResult<LiveFeedState | null>>();
    const store = createLiveChangesStore(createFakeApi({ 'changes:get-status': () => answer.promise }));
    const syncing = store.getState().syncStatus();
    store.getState().apply({ kind: 'feed-state', state: { status: 'reconnecting', reason: 'The connection dropped.' } });
    answer.resolve(success({ status: 'live' }));
    await syncing;
    expect(store.getState().feed).toEqual({ status: 'reconnecting', reason: 'The connection dropped.' });
  });
});

describe('createAppStores live changes', () => {
  function setUp() {
    let version = 7;
    const api = createFakeApi({
      'servers:list': () => success(makeServerList(makeEntries(version - 5), version)),
      'changes:get-status': () => success({ status: 'live' }),
      'session:sign-out': () => success({ signedOut: true }),
    });
    const stores = createAppStores(api);
    const emit = (event: ConsoleEvent) => {
      api.emit(event);
    };
    return { api, stores, emit, setVersion: (next: number) => (version = next) };
  }

  it('re-reads a list already shown when the list changes, and leaves one never read alone', async () => {
    const { api, stores, emit, setVersion } = setUp();
    emit({ kind: 'change', change: ADDED });
    await settled();
    const readsBefore = api.calls.filter((call) => call.channel === 'servers:list').length;
    await stores.servers.getState().refresh();
    setVersion(8);
    emit({ kind: 'change', change: ADDED });
    await settled();
    emit({ kind: 'change', change: { ...ADDED, touches: ['administrators'] } });
    await settled();
    expect([readsBefore, api.calls.filter((call) => call.channel === 'servers:list').length, stores.servers.getState().version]).toEqual([0, 2, 8]);
  });

  it('asks where the feed stands on sign-in, and forgets it all on sign-out', async () => {
    const { stores, emit } = setUp();
    stores.session.setState({ session: makeSession() });
    await settled();
    const signedIn = stores.live.getState().feed;
    emit({ kind: 'change', change: ADDED });
    await stores.session.getState().signOut();
    expect([signedIn, stores.live.getState().feed, stores.live.getState().notice]).toEqual([{ status: 'live' }, null, undefined]);
  });
});
