import { describe, expect, it } from 'vitest';
import type { SuperUsers } from '../../../contract/super-user-drift.ts';
import { createFakeApi, failure, success } from '../../testing/fake-api.ts';
import { createSuperUserDriftStore } from './super-user-drift-store.ts';

const snapshot: SuperUsers = {
  version: 2,
  expandedAt: '2026-12-05T09:00:00.000Z',
  expandedBy: 'RMSCON01',
  listVersion: 1,
  superUsers: [],
  lastReview: null,
  changesSinceReview: [],
};
const review = { at: '2026-12-05T10:00:00.000Z', by: 'CORP\\alice', bySid: null, version: 2 };

describe('createSuperUserDriftStore', () => {
  it('reviews the version asked for, then reads the snapshot again', async () => {
    const api = createFakeApi({ 'super-users:snapshot': () => success({ kept: true, snapshot }), 'super-users:review': () => success({ review }) });
    const store = createSuperUserDriftStore(api);
    await store.getState().review(2);
    const { reviewState, reviewed, loadState } = store.getState();
    expect({ reviewState, reviewed, loadState, channels: api.calls.map((call) => call.channel) }).toEqual({
      reviewState: 'saved',
      reviewed: review,
      loadState: 'loaded',
      channels: ['super-users:review', 'super-users:snapshot'],
    });
  });

  it('forgets "marked as reviewed" once a newer version is shown', async () => {
    let current = snapshot;
    const store = createSuperUserDriftStore(
      createFakeApi({ 'super-users:snapshot': () => success({ kept: true, snapshot: current }), 'super-users:review': () => success({ review }) }),
    );
    await store.getState().review(2);
    current = { ...snapshot, version: 3 };
    await store.getState().load();
    expect(store.getState().reviewState).toBe('idle');
  });

  it('keeps the snapshot shown when a read fails, with the error', async () => {
    let fail = false;
    const error = { code: 'UNREACHABLE', source: 'service' as const, title: 'Cannot reach the service', message: 'Down.' };
    const store = createSuperUserDriftStore(createFakeApi({ 'super-users:snapshot': () => (fail ? failure(error) : success({ kept: true, snapshot })) }));
    await store.getState().load();
    fail = true;
    await store.getState().load();
    expect([store.getState().loadState, store.getState().error, store.getState().view]).toEqual(['failed', error, { kept: true, snapshot }]);
  });
});
