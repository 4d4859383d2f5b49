import { describe, expect, it } from 'vitest';
import { makeEntries, makeServerList, makeSession } from '../testing/console-fixtures.ts';
import { createFakeApi, failure, success } from '../testing/fake-api.ts';
import { createAppStores } from './app-stores.ts';

describe('createAppStores', () => {
  it('empties the data stores when the admin signs out', async () => {
    const api = createFakeApi({
      'session:current': () => success(makeSession()),
      'session:sign-out': () => success({ signedOut: true }),
      'servers:list': () => success(makeServerList(makeEntries(2))),
    });
    const stores = createAppStores(api);
    await stores.session.getState().resume();
    await stores.servers.getState().refresh();

    await stores.session.getState().signOut();

    expect({ session: stores.session.getState().session, entries: stores.servers.getState().entries, loadState: stores.servers.getState().loadState }).toEqual({
      session: null,
      entries: [],
      loadState: 'idle',
    });
  });

  it('signs the window out when a data call finds the session expired', async () => {
    const api = createFakeApi({
      'session:current': () => success(makeSession()),
      'servers:list': () => failure({ code: 'NOT_SIGNED_IN', source: 'console', title: 'Your session has ended', message: 'Sign in again.' }),
    });
    const stores = createAppStores(api);
    await stores.session.getState().resume();

    await stores.servers.getState().refresh();
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect({ session: stores.session.getState().session, loadState: stores.servers.getState().loadState }).toEqual({ session: null, loadState: 'idle' });
  });
});
