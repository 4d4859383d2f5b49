import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../contract/index.ts';
import { createFakeApi, success } from '../testing/fake-api.ts';
import { AUDIT_PAGE_SIZE, NO_AUDIT_FILTERS, auditRequest, createAuditStore } from './audit-store.ts';

function record(id: number): AuditRecord {
  return {
    id,
    at: '2026-05-03T10:00:00.000Z',
    actor: 'CORP\\alice',
    actorSid: null,
    source: 'console',
    node: 'node-1',
    action: 'authorized-account.add',
    target: 'CORP\\FS01$',
    before: null,
    after: null,
    correlationId: `c${String(id)}`,
  };
}

describe('auditRequest', () => {
  it('asks for a page without filters when none are set', () => {
    expect(auditRequest(NO_AUDIT_FILTERS)).toEqual({ limit: AUDIT_PAGE_SIZE });
  });

  it('turns From and To into the start of the local day and the start of the next one', () => {
    const request = auditRequest({ who: ' alice ', action: 'authorized-account.remove', from: '2026-05-01', to: '2026-05-03' }, 42);
    expect(request).toEqual({
      limit: AUDIT_PAGE_SIZE,
      before: 42,
      actor: 'alice',
      action: 'authorized-account.remove',
      since: new Date(2026, 4, 1).toISOString(),
      until: new Date(2026, 4, 4).toISOString(),
    });
  });
});

describe('createAuditStore', () => {
  it('appends older records with the nextBefore cursor until there are none', async () => {
    const api = createFakeApi({
      'audit:list': (request) =>
        success(request.before === undefined ? { records: [record(3), record(2)], nextBefore: 2 } : { records: [record(1)], nextBefore: null }),
    });
    const store = createAuditStore(api);

    await store.getState().apply({ ...NO_AUDIT_FILTERS, who: 'alice' });
    await store.getState().loadOlder();

    expect(store.getState().records.map((entry) => entry.id)).toEqual([3, 2, 1]);
    expect(store.getState().nextBefore).toBeNull();
    expect(api.calls.map((call) => call.request)).toEqual([
      { limit: AUDIT_PAGE_SIZE, actor: 'alice' },
      { limit: AUDIT_PAGE_SIZE, actor: 'alice', before: 2 },
    ]);
  });
});
