import { describe, expect, it } from 'vitest';
import type { SuperUsers } from '../../contract/super-user-drift.ts';
import { ConnectorError } from '../../core/connector/index.ts';
import { createTestConsole, type TestConsole } from './testing/test-console.ts';

const operationId = () => crypto.randomUUID();

const snapshot: SuperUsers = {
  version: 4,
  expandedAt: '2026-12-05T09:00:00.000Z',
  expandedBy: 'RMSCON01',
  listVersion: 7,
  superUsers: [],
  lastReview: { at: '2026-12-04T09:00:00.000Z', by: 'CORP\\alice', bySid: 'S-1-5-21-1-2-3-1105', version: 3 },
  changesSinceReview: [
    {
      change: 'joined',
      account: {
        sid: 'S-1-5-21-1-2-3-2001',
        name: 'CORP\\mallory',
        kind: 'user',
        grants: [
          {
            entrySid: 'S-1-5-21-1-2-3-1200',
            entryName: 'CORP\\Exchange Outer',
            path: ['CORP\\Exchange Outer', 'CORP\\Exchange Inner'],
            throughPrimaryGroup: false,
          },
        ],
        firstSeenAt: '2026-12-05T09:00:00.000Z',
      },
      at: '2026-12-05T09:00:00.000Z',
      node: 'RMSCON01',
      sequence: 12,
    },
  ],
};

/** A signed-in console whose service keeps `snapshot` at `snapshot.version`; reviews are conditional on it. */
async function signedIn(): Promise<TestConsole> {
  const harness = createTestConsole();
  await harness.signIn();
  harness.connector.overrides.superUsers = () => {
    harness.connector.calls.push('superUsers');
    return Promise.resolve({ superUsers: snapshot, etag: `"${String(snapshot.version)}"` });
  };
  harness.connector.overrides.reviewSuperUsers = (version) => {
    harness.connector.calls.push(`reviewSuperUsers:${String(version)}`);
    if (version !== snapshot.version) return Promise.reject(new ConnectorError('PRECONDITION_FAILED', 'The super users changed.', { status: 412 }));
    return Promise.resolve({ review: { at: '2026-12-05T10:00:00.000Z', by: 'CORP\\alice', bySid: 'S-1-5-21-1-2-3-1105', version } });
  };
  return harness;
}

const touched = (harness: TestConsole) => [...harness.connector.calls];

describe('super-users:snapshot', () => {
  it('answers the service snapshot with its changes since the review', async () => {
    const harness = await signedIn();
    expect(await harness.dispatcher.dispatch('super-users:snapshot', {})).toEqual({ ok: true, value: { kept: true, snapshot } });
  });

  it('answers kept: false when the service is older than drift (404)', async () => {
    const harness = await signedIn();
    harness.connector.overrides.superUsers = () => Promise.reject(new ConnectorError('BAD_RESPONSE', 'GET /v1/super-users answered 404.', { status: 404 }));
    expect(await harness.dispatcher.dispatch('super-users:snapshot', {})).toEqual({ ok: true, value: { kept: false } });
  });

  it('maps another service failure like every handler', async () => {
    const harness = await signedIn();
    harness.connector.overrides.superUsers = () => Promise.reject(new ConnectorError('DATABASE_UNAVAILABLE', 'The database is down.', { status: 503 }));
    expect(await harness.dispatcher.dispatch('super-users:snapshot', {})).toEqual({
      ok: false,
      error: { code: 'DATABASE_UNAVAILABLE', source: 'service', title: 'The service cannot reach its database', message: 'The database is down.' },
    });
  });

  it('answers NOT_SIGNED_IN without a session', async () => {
    const harness = createTestConsole();
    const result = await harness.dispatcher.dispatch('super-users:snapshot', {});
    expect(result.ok ? '' : result.error.code).toBe('NOT_SIGNED_IN');
  });
});

describe('super-users:review', () => {
  it('marks the version looked at as reviewed', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('super-users:review', { version: 4, operationId: operationId() });
    expect(result).toEqual({ ok: true, value: { review: { at: '2026-12-05T10:00:00.000Z', by: 'CORP\\alice', bySid: 'S-1-5-21-1-2-3-1105', version: 4 } } });
    expect(harness.connector.calls.at(-1)).toBe('reviewSuperUsers:4');
  });

  it('refuses a set that changed since the admin looked (412) in plain words', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('super-users:review', { version: 3, operationId: operationId() });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'SUPER_USERS_CHANGED',
        source: 'console',
        title: 'The super users changed since you looked',
        message: 'The super users changed since you looked: the page shows the new changes; review them, then mark them as reviewed again.',
      },
    });
  });

  it.each<[string, unknown]>([
    ['a version as a string', { version: '4', operationId: operationId() }],
    ['a negative version', { version: -1, operationId: operationId() }],
    ['a fractional version', { version: 4.5, operationId: operationId() }],
    ['an unsafe version', { version: 2 ** 60, operationId: operationId() }],
    ['an ETag instead of a version', { version: '"4"', operationId: operationId() }],
    ['no version', { operationId: operationId() }],
    ['an operation id that is not a UUID', { version: 4, operationId: '../../etc/passwd' }],
    ['an extra key', { version: 4, operationId: operationId(), force: true }],
    ['a reviewer named in the request', { version: 4, operationId: operationId(), by: 'CORP\\Administrator' }],
    ['an own __proto__ key', JSON.parse(`{"version": 4, "operationId": "${crypto.randomUUID()}", "__proto__": {"isAdmin": true}}`)],
    ['an array', [4]],
    ['null', null],
  ])('refuses %s as INVALID_REQUEST before the service is asked', async (_label, request) => {
    const harness = await signedIn();
    const before = touched(harness);
    const result = await harness.dispatcher.dispatch('super-users:review', request);
    expect(result.ok ? '' : result.error.code).toBe('INVALID_REQUEST');
    expect(touched(harness)).toEqual(before);
  });

  it('refuses a snapshot request with a key in it', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('super-users:snapshot', { version: 4 });
    expect(result.ok ? '' : result.error.code).toBe('INVALID_REQUEST');
    expect(harness.connector.calls).not.toContain('superUsers');
  });
});
