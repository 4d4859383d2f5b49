import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Answer } from './testing/http.ts';
import { seedSids } from './testing/seed-sids.ts';
import { startTestService, upnOf, type TestService } from './testing/service-fixture.ts';

describe('role-based administrators and onboarding control over HTTP', () => {
  let service: TestService;
  let global: string;
  let connectorAdmin: string;
  const sids: Record<string, string> = {};
  const administration = () => call(service.url, 'GET', '/v1/administration', { token: global });
  const etag = async () => (await administration()).headers.get('etag') ?? '';
  const send = (method: string, path: string, options: { token?: string; body?: unknown; ifMatch?: string } = {}) =>
    call(service.url, method, path, {
      token: options.token ?? global,
      ...(options.body === undefined ? {} : { body: options.body }),
      headers: options.ifMatch === undefined ? {} : { 'if-match': options.ifMatch },
    });
  const refusal = (answer: Answer) => ({ status: answer.status, code: answer.body.code });

  beforeAll(async () => {
    service = await startTestService();
    await service.grant(upnOf('alice'), 'GlobalAdministrator');
    await service.grant(upnOf('bob'), 'ConnectorAdministrator');
    global = await service.signIn(upnOf('alice'));
    connectorAdmin = await service.signIn(upnOf('bob'));
    Object.assign(sids, await seedSids(['alice', 'CORP\\IT Ops', 'CORP\\Nest Level 1', 'CORP\\Domain Users']));
  });
  afterAll(async () => {
    await service.dispose();
  });

  it('reads the administration with its version as a strong ETag', async () => {
    const answer = await administration();
    expect({ status: answer.status, etag: answer.headers.get('etag') }).toEqual({ status: 200, etag: `"${String(answer.body.version)}"` });
  });

  it('refuses every change from a ConnectorAdministrator with 403, naming the console page and the command, and changes nothing', async () => {
    const before = (await administration()).body;
    const ifMatch = await etag();
    const answers = [
      await send('POST', '/v1/administrators', { token: connectorAdmin, ifMatch, body: { name: 'CORP\\IT Ops', role: 'GlobalAdministrator' } }),
      await send('DELETE', `/v1/administrators/GlobalAdministrator/${sids['alice'] ?? ''}`, { token: connectorAdmin, ifMatch }),
      await send('PUT', '/v1/onboarding-control', { token: connectorAdmin, ifMatch, body: { name: 'CORP\\Domain Users' } }),
      await send('DELETE', '/v1/onboarding-control', { token: connectorAdmin, ifMatch }),
    ];
    expect(answers.map(refusal)).toEqual(Array(4).fill({ status: 403, code: 'GLOBAL_ADMINISTRATOR_REQUIRED' }));
    expect(answers[0]?.body.message).toEqual(expect.stringMatching(/Administration page.*rms-connector-admin admins add/));
    expect((await administration()).body).toEqual(before);
  });

  it('lets a ConnectorAdministrator read the administration', async () => {
    expect((await call(service.url, 'GET', '/v1/administration', { token: connectorAdmin })).status).toBe(200);
  });

  it('refuses a change without If-Match (428) or with a stale one (412)', async () => {
    const body = { name: 'CORP\\IT Ops', role: 'ConnectorAdministrator' };
    const answers = [await send('POST', '/v1/administrators', { body }), await send('POST', '/v1/administrators', { body, ifMatch: '"999999"' })];
    expect(answers.map(refusal)).toEqual([
      { status: 428, code: 'PRECONDITION_REQUIRED' },
      { status: 412, code: 'PRECONDITION_FAILED' },
    ]);
    expect(answers[1]?.headers.get('etag')).toBe(await etag());
  });

  it("adds a group by name, storing the directory's DOMAIN\\name, and audits it", async () => {
    const answer = await send('POST', '/v1/administrators', { ifMatch: await etag(), body: { name: 'it ops', role: 'ConnectorAdministrator' } });
    expect({ status: answer.status, etag: answer.headers.get('etag'), body: answer.body }).toEqual({
      status: 201,
      etag: `"${String(answer.body.version)}"`,
      body: {
        version: expect.any(Number),
        administrator: {
          sid: sids['CORP\\IT Ops'],
          name: 'CORP\\IT Ops',
          kind: 'group',
          role: 'ConnectorAdministrator',
          addedBy: upnOf('alice'),
          addedAt: expect.any(String),
        },
      },
    });
    const [record] = (await call(service.url, 'GET', '/v1/audit?limit=1', { token: global })).body.records as { action: string; actor: string }[];
    expect(record).toMatchObject({ action: 'role-based-administrator.add', actor: upnOf('alice') });
  });

  it('adds a group by SID', async () => {
    const answer = await send('POST', '/v1/administrators', { ifMatch: await etag(), body: { sid: sids['CORP\\Nest Level 1'], role: 'GlobalAdministrator' } });
    expect({ status: answer.status, name: (answer.body.administrator as { name: string }).name }).toEqual({ status: 201, name: 'CORP\\Nest Level 1' });
  });

  it.each([
    ['the same group and role again', { name: 'CORP\\IT Ops', role: 'ConnectorAdministrator' }, 409, 'ALREADY_ADMINISTRATOR'],
    ['a distribution group', { name: 'All Contoso Staff', role: 'ConnectorAdministrator' }, 422, 'NOT_SECURITY_GROUP'],
    ['a computer account', { name: 'CORP\\EXCH01$', role: 'ConnectorAdministrator' }, 422, 'NAME_NOT_FOUND'],
    ['a name the directory does not know', { name: 'no.such.user@corp.contoso.test', role: 'GlobalAdministrator' }, 422, 'NAME_NOT_FOUND'],
    ['a SID the directory does not know', { sid: 'S-1-5-21-1-2-3-99999', role: 'GlobalAdministrator' }, 422, 'SID_NOT_FOUND'],
  ])('refuses %s and changes nothing', async (_label, body, status, code) => {
    const before = await administration();
    const answer = await send('POST', '/v1/administrators', { ifMatch: before.headers.get('etag') ?? '', body });
    expect(refusal(answer)).toEqual({ status, code });
    expect((await administration()).body).toEqual(before.body);
  });

  it('refuses a computer account named by SID as neither a user nor a group', async () => {
    const computer = (await seedSids(['CORP\\EXCH01$']))['CORP\\EXCH01$'];
    const answer = await send('POST', '/v1/administrators', { ifMatch: await etag(), body: { sid: computer, role: 'ConnectorAdministrator' } });
    expect(refusal(answer)).toEqual({ status: 422, code: 'ADMINISTRATOR_KIND_REFUSED' });
  });

  it('removes an assignment, answers 404 for one that is not held, and audits the removal', async () => {
    const path = `/v1/administrators/ConnectorAdministrator/${sids['CORP\\IT Ops'] ?? ''}`;
    const removed = await send('DELETE', path, { ifMatch: await etag() });
    expect({ status: removed.status, name: (removed.body.removed as { name: string }).name }).toEqual({ status: 200, name: 'CORP\\IT Ops' });
    expect(refusal(await send('DELETE', path, { ifMatch: await etag() }))).toEqual({ status: 404, code: 'NOT_FOUND' });
    const [record] = (await call(service.url, 'GET', '/v1/audit?limit=1', { token: global })).body.records as { action: string }[];
    expect(record?.action).toBe('role-based-administrator.remove');
  });

  it('refuses to remove the last GlobalAdministrator assignment, and removes one that is not the last', async () => {
    const nest = await send('DELETE', `/v1/administrators/GlobalAdministrator/${sids['CORP\\Nest Level 1'] ?? ''}`, { ifMatch: await etag() });
    expect(nest.status).toBe(200);
    const last = await send('DELETE', `/v1/administrators/GlobalAdministrator/${sids['alice'] ?? ''}`, { ifMatch: await etag() });
    expect(refusal(last)).toEqual({ status: 409, code: 'LAST_GLOBAL_ADMINISTRATOR' });
    expect(last.body.message).toContain('Give another user or group the GlobalAdministrator role first');
  });

  it.each([
    ['a distribution group', { name: 'All Contoso Staff' }, 422, 'NOT_SECURITY_GROUP'],
    ['a user account', { name: 'alice' }, 422, 'NAME_NOT_FOUND'],
    ['a group the signed-in administrator is not in', { name: 'CORP\\IT Ops' }, 409, 'ONBOARDING_WOULD_LOCK_OUT'],
  ])('refuses %s as the onboarding-control group', async (_label, body, status, code) => {
    const before = await administration();
    expect(refusal(await send('PUT', '/v1/onboarding-control', { ifMatch: before.headers.get('etag') ?? '', body }))).toEqual({ status, code });
    expect((await administration()).body).toEqual(before.body);
  });

  it('sets the onboarding-control group to a security group the administrator is in, then clears it', async () => {
    const set = await send('PUT', '/v1/onboarding-control', { ifMatch: await etag(), body: { sid: sids['CORP\\Domain Users'] } });
    expect({ status: set.status, group: (set.body.onboardingControl as { group: unknown }).group }).toEqual({
      status: 200,
      group: { sid: sids['CORP\\Domain Users'], name: 'CORP\\Domain Users' },
    });
    expect((await administration()).status).toBe(200);
    const cleared = await send('DELETE', '/v1/onboarding-control', { ifMatch: set.headers.get('etag') ?? '' });
    expect({ status: cleared.status, body: cleared.body }).toEqual({
      status: 200,
      body: { version: expect.any(Number), onboardingControl: { group: null, changedBy: upnOf('alice'), changedAt: expect.any(String) } },
    });
  });

  it.each([
    ['neither sid nor name', { role: 'GlobalAdministrator' }],
    ['both sid and name', { sid: 'S-1-5-21-1-2-3-4', name: 'x', role: 'GlobalAdministrator' }],
    ['a role that does not exist', { name: 'alice', role: 'Owner' }],
    ['an unknown field', { name: 'alice', role: 'GlobalAdministrator', kind: 'user' }],
    ['a name with a bidi override', { name: 'ali\u202Eec', role: 'GlobalAdministrator' }],
    ['a name with a line break', { name: 'alice\nforged', role: 'GlobalAdministrator' }],
    ['an LDAP filter in the name', { name: '*)(objectClass=*', role: 'GlobalAdministrator' }],
    ['SQL in the name', { name: "' OR 1=1; DROP TABLE administrators; --", role: 'GlobalAdministrator' }],
    ['a SID out of range', { sid: 'S-1-5-21-4294967296-1', role: 'GlobalAdministrator' }],
    ['a 300-character name', { name: 'a'.repeat(300), role: 'GlobalAdministrator' }],
  ])('refuses a body with %s with a 4xx and changes nothing', async (_label, body) => {
    const before = await administration();
    const answer = await send('POST', '/v1/administrators', { ifMatch: before.headers.get('etag') ?? '', body });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect((await administration()).body).toEqual(before.body);
  });

  it.each([
    ['a role that does not exist', '/v1/administrators/Owner/S-1-5-21-1-2-3-4', 400],
    ['a path that is not a SID', "/v1/administrators/GlobalAdministrator/'%20OR%201=1", 400],
    ['a SID with a trailing segment', '/v1/administrators/GlobalAdministrator/S-1-5-21-1-2-3-4/x', 404],
  ])('refuses a removal with %s', async (_label, path, status) => {
    expect((await send('DELETE', path, { ifMatch: await etag() })).status).toBe(status);
  });

  it('refuses a malformed If-Match with 400', async () => {
    expect(refusal(await send('DELETE', '/v1/onboarding-control', { ifMatch: 'seven' }))).toEqual({ status: 400, code: 'INVALID_PRECONDITION' });
  });
});
