import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './testing/http.ts';
import { seedSids } from './testing/seed-sids.ts';
import { startTestService, upnOf, type TestService } from './testing/service-fixture.ts';

describe('authorized accounts over HTTP', () => {
  let service: TestService;
  let token: string;
  let aliceSid: string;
  const sids: Record<string, string> = {};
  const names = ['svc-sp-central', 'svc-sp-apppool', 'CORP\\Exchange Servers', 'CORP\\FCI File Servers', 'alice', 'CORP\\Domain Users'];
  const list = () => call(service.url, 'GET', '/v1/authorized-accounts', { token });
  const add = (body: unknown, headers: Record<string, string>) => call(service.url, 'POST', '/v1/authorized-accounts', { token, body, headers });
  const entryFor = (name: string, role: string) => ({ sid: sids[name], name, role });

  beforeAll(async () => {
    service = await startTestService();
    aliceSid = await service.grant(upnOf('alice'), 'ConnectorAdministrator');
    token = await service.signIn(upnOf('alice'));
    Object.assign(sids, await seedSids(names));
  });
  afterAll(async () => {
    await service.dispose();
  });

  it('lists an empty list at version 0 with a strong ETag', async () => {
    const answer = await list();
    expect({ status: answer.status, body: answer.body, etag: answer.headers.get('etag') }).toEqual({
      status: 200,
      body: { version: 0, entries: [] },
      etag: '"0"',
    });
  });

  it('refuses a change without If-Match (428), with a stale or weak one (412) and changes nothing', async () => {
    const body = entryFor('svc-sp-central', 'sharepoint');
    const statuses = [(await add(body, {})).status, (await add(body, { 'if-match': '"7"' })).status, (await add(body, { 'if-match': 'W/"0"' })).status];
    expect(statuses).toEqual([428, 412, 412]);
    expect((await list()).body).toEqual({ version: 0, entries: [] });
  });

  it('adds a SharePoint service account, taking its kind from the directory', async () => {
    const answer = await add(entryFor('svc-sp-central', 'sharepoint'), { 'if-match': '"0"' });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('etag')).toBe('"1"');
    expect(answer.body).toMatchObject({
      version: 1,
      superUserFeatureEnabled: false,
      entry: { sid: sids['svc-sp-central'], name: 'CORP\\svc-sp-central', role: 'sharepoint', kind: 'user', addedBy: upnOf('alice') },
    });
    expect((await list()).body.entries).toEqual([answer.body.entry]);
  });

  it.each([
    ['the same account and role again', () => entryFor('svc-sp-central', 'sharepoint'), 409, 'ALREADY_AUTHORIZED'],
    ['a SID the directory does not know', () => ({ sid: 'S-1-5-21-1-2-3-99999', name: 'ghost', role: 'fci' }), 422, 'SID_NOT_FOUND'],
    ['a user account in the Exchange role', () => entryFor('alice', 'exchange'), 422, 'POLICY_REFUSED'],
    ['Domain Users (everyone) for SharePoint', () => entryFor('CORP\\Domain Users', 'sharepoint'), 422, 'POLICY_REFUSED'],
  ])('refuses %s and changes nothing', async (_label, body, status, code) => {
    const before = await list();
    const answer = await add(body(), { 'if-match': before.headers.get('etag') ?? '' });
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect((await list()).body).toEqual(before.body);
  });

  it('switches the super-user feature on with the first Exchange entry, and audits both under one correlation id', async () => {
    const before = await list();
    const answer = await add(entryFor('CORP\\Exchange Servers', 'exchange'), { 'if-match': before.headers.get('etag') ?? '' });
    expect({ status: answer.status, enabled: answer.body.superUserFeatureEnabled }).toEqual({ status: 201, enabled: true });
    const administration = await call(service.url, 'GET', '/v1/administration', { token });
    expect(administration.body.superUserFeature).toMatchObject({ enabled: true, changedBy: upnOf('alice') });
    const audit = await call(service.url, 'GET', '/v1/audit?limit=50', { token });
    // The node's drift watcher records the group's members as they join, right after the add: not the admin's records.
    const records = (audit.body.records as { action: string; correlationId: string; actor: string; source: string }[])
      .filter((record) => !record.action.startsWith('super-user.'))
      .slice(0, 2);
    expect(records.map((record) => record.action).sort()).toEqual(['authorized-account.add', 'super-user-feature.enable']);
    expect(new Set(records.map((record) => record.correlationId)).size).toBe(1);
    expect(records[0]).toMatchObject({ actor: upnOf('alice'), source: '127.0.0.1' });
  });

  it('answers a retried POST with the first answer and one effect; refuses the key with another body', async () => {
    const key = randomUUID();
    const etag = (await list()).headers.get('etag') ?? '';
    const first = await add(entryFor('svc-sp-apppool', 'sharepoint'), { 'if-match': etag, 'idempotency-key': `"${key}"` });
    const retry = await add(entryFor('svc-sp-apppool', 'sharepoint'), { 'if-match': etag, 'idempotency-key': `"${key}"` });
    const reused = await add(entryFor('CORP\\FCI File Servers', 'fci'), { 'if-match': retry.headers.get('etag') ?? '', 'idempotency-key': `"${key}"` });
    expect([first.status, retry.status, reused.status, reused.body.code]).toEqual([201, 201, 422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(retry.body).toEqual(first.body);
    const entries = (await list()).body.entries as { sid: string }[];
    expect(entries.filter((entry) => entry.sid === sids['svc-sp-apppool'])).toHaveLength(1);
  });

  it('answers 409 REQUEST_IN_PROGRESS while another node holds the key, and goes on once that claim is released', async () => {
    const key = randomUUID();
    // What a node mid-request leaves in the store every node shares.
    const claim = { scope: aliceSid, key, node: 'RMSCON-OTHER', at: new Date().toISOString(), expiresAt: new Date(Date.now() + 60_000).toISOString() };
    expect(await service.store.claimIdempotencyKey(claim)).toBe('claimed');
    const entry = entryFor('CORP\\FCI File Servers', 'fci');
    const busy = await add(entry, { 'if-match': '*', 'idempotency-key': `"${key}"` });
    await service.store.releaseIdempotencyKey(aliceSid, key);
    const after = await add(entry, { 'if-match': '*', 'idempotency-key': `"${key}"` });
    expect([busy.status, busy.body.code, after.status]).toEqual([409, 'REQUEST_IN_PROGRESS', 201]);
  });

  it('removes an entry conditionally; a second remove finds nothing', async () => {
    const before = await list();
    const [entry] = before.body.entries as { id: string }[];
    if (!entry) throw new Error('the list is empty');
    expect((await call(service.url, 'DELETE', `/v1/authorized-accounts/${entry.id}`, { token })).status).toBe(428);
    const removed = await call(service.url, 'DELETE', `/v1/authorized-accounts/${entry.id}`, {
      token,
      headers: { 'if-match': before.headers.get('etag') ?? '' },
    });
    expect({ status: removed.status, id: (removed.body.removed as { id: string }).id }).toEqual({ status: 200, id: entry.id });
    const again = await call(service.url, 'DELETE', `/v1/authorized-accounts/${entry.id}`, {
      token,
      headers: { 'if-match': removed.headers.get('etag') ?? '' },
    });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('imports a whole list as one transaction, or nothing when one entry is refused', async () => {
    const before = await list();
    const wanted = [entryFor('CORP\\Exchange Servers', 'exchange'), entryFor('CORP\\FCI File Servers', 'fci')];
    const refused = await call(service.url, 'PUT', '/v1/authorized-accounts', {
      token,
      body: { entries: [...wanted, entryFor('alice', 'exchange')] },
      headers: { 'if-match': before.headers.get('etag') ?? '' },
    });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'POLICY_REFUSED' });
    expect((await list()).body).toEqual(before.body);
    const applied = await call(service.url, 'PUT', '/v1/authorized-accounts', {
      token,
      body: { entries: wanted },
      headers: { 'if-match': before.headers.get('etag') ?? '' },
    });
    expect(applied.status).toBe(200);
    const after = (await list()).body.entries as { sid: string; role: string }[];
    expect(after.map((entry) => `${entry.role}:${entry.sid}`).sort()).toEqual(wanted.map((entry) => `${entry.role}:${String(entry.sid)}`).sort());
  });

  it('pages the audit trail newest first and filters by action', async () => {
    const seen: number[] = [];
    let before: number | null = null;
    do {
      const page = await call(service.url, 'GET', `/v1/audit?limit=2${before === null ? '' : `&before=${String(before)}`}`, { token });
      seen.push(...(page.body.records as { id: number }[]).map((record) => record.id));
      before = page.body.nextBefore as number | null;
    } while (before !== null);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    const removals = await call(service.url, 'GET', '/v1/audit?action=authorized-account.remove', { token });
    expect((removals.body.records as { action: string }[]).every((record) => record.action === 'authorized-account.remove')).toBe(true);
  });
});
