import { describe, expect, it } from 'vitest';
import type { EffectiveSuperUsers, IpcResult } from '../../contract/index.ts';
import { createFakeApi, failure, success } from '../testing/fake-api.ts';
import { createSuperUsersStore } from './super-users-store.ts';

const EMPTY: EffectiveSuperUsers = { superUsers: [], orphanedEntries: [], listVersion: 3 };

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describe('createOperationStore (effective super users)', () => {
  it('runs with a fresh operation id and keeps the answer', async () => {
    const api = createFakeApi({ 'review:super-users': () => success(EMPTY) });
    const store = createSuperUsersStore(api);

    await store.getState().run();

    expect({ loadState: store.getState().loadState, result: store.getState().result }).toEqual({ loadState: 'loaded', result: EMPTY });
    expect(api.calls[0]?.request).toEqual({ operationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('cancels the run in progress with its operation id and returns to idle', async () => {
    const answer = deferred<IpcResult<EffectiveSuperUsers>>();
    const api = createFakeApi({ 'review:super-users': () => answer.promise, 'operation:cancel': () => success({ cancelled: true }) });
    const store = createSuperUsersStore(api);
    const running = store.getState().run();
    const operationId = store.getState().operationId;

    await store.getState().cancel();
    answer.resolve(failure({ code: 'CANCELLED', source: 'console', title: 'Cancelled', message: 'You cancelled it.' }));
    await running;

    expect(api.calls[1]).toEqual({ channel: 'operation:cancel', request: { operationId } });
    expect({ loadState: store.getState().loadState, error: store.getState().error }).toEqual({ loadState: 'idle', error: undefined });
  });

  it('shows a failure as failed with its error', async () => {
    const error = { code: 'DIRECTORY_UNAVAILABLE', source: 'directory' as const, title: 'No domain controller', message: 'Check the network.' };
    const store = createSuperUsersStore(createFakeApi({ 'review:super-users': () => failure(error) }));

    await store.getState().run();

    expect({ loadState: store.getState().loadState, error: store.getState().error }).toEqual({ loadState: 'failed', error });
  });
});
