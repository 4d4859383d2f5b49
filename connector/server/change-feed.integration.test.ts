import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeEventSchema, FeedReadyEventSchema } from '../../contract/connector-api/index.ts';
import { openEventReader, opened, type EventReader } from './testing/event-reader.ts';
import { call } from './testing/http.ts';
import { seedSids } from './testing/seed-sids.ts';
import { startTestService, upnOf, type TestService } from './testing/service-fixture.ts';

describe('the change feed, GET /v1/events, on one node', () => {
  let service: TestService;
  let token: string;
  let sids: Record<string, string>;
  let etag = '"0"';
  const readers: EventReader[] = [];
  const follow = async (options: { lastEventId?: string } = {}) => {
    const reader = opened(await openEventReader(service.url, { token, ...options }));
    readers.push(reader);
    return reader;
  };
  const add = async (name: string) => {
    const answer = await call(service.url, 'POST', '/v1/authorized-accounts', {
      token,
      body: { sid: sids[name], name, role: 'sharepoint' },
      headers: { 'if-match': etag },
    });
    etag = answer.headers.get('etag') ?? etag;
    return answer.body.entry as { id: string };
  };
  const remove = async (id: string) => {
    const answer = await call(service.url, 'DELETE', `/v1/authorized-accounts/${id}`, { token, headers: { 'if-match': etag } });
    etag = answer.headers.get('etag') ?? etag;
  };

  beforeAll(async () => {
    service = await startTestService({ nodeName: 'RMSCON01', feed: { heartbeatSeconds: 1, streamsPerAdmin: 10, streamsPerNode: 500 } });
    await service.grant(upnOf('alice'), 'GlobalAdministrator');
    token = await service.signIn(upnOf('alice'));
    sids = await seedSids(['svc-sp-central', 'svc-sp-apppool']);
  });
  afterAll(async () => {
    for (const reader of readers) reader.close();
    await service.dispose();
  });

  it('opens with ready, then sends each committed change once, with what the audit says of it', async () => {
    const reader = await follow();
    const ready = await reader.next();
    const entry = await add('svc-sp-central');
    const change = await reader.next();
    reader.close();
    expect(reader.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(reader.headers['cache-control']).toBe('no-store, no-transform');
    expect({ event: ready.event, valid: FeedReadyEventSchema.safeParse(ready.data).success, node: ready.data.node }).toEqual({
      event: 'ready',
      valid: true,
      node: 'RMSCON01',
    });
    expect(ChangeEventSchema.safeParse(change.data).success).toBe(true);
    expect({ event: change.event, id: change.id, data: change.data }).toMatchObject({
      event: 'change',
      id: String(change.data.sequence),
      data: {
        listVersion: 1,
        actor: upnOf('alice'),
        node: 'RMSCON01',
        records: [{ action: 'authorized-account.add', before: null, after: { id: entry.id, name: 'CORP\\svc-sp-central', role: 'sharepoint' } }],
      },
    });
    expect(JSON.stringify(change.data)).not.toContain(token);
  });

  it('replays exactly the changes a client missed after Last-Event-ID, then goes on live', async () => {
    const first = await follow();
    const ready = await first.next();
    first.close();
    const entry = await add('svc-sp-apppool');
    await remove(entry.id);
    const resumed = await follow({ lastEventId: ready.id ?? '' });
    const replayReady = await resumed.next();
    const missed = [await resumed.next(), await resumed.next()];
    const live = await add('svc-sp-apppool');
    const next = await resumed.next();
    expect(replayReady.data).toMatchObject({ sequence: Number(ready.id), replaying: 2 });
    expect(missed.map((event) => (event.data.records as { action: string }[])[0]?.action)).toEqual(['authorized-account.add', 'authorized-account.remove']);
    expect([...missed, next].map((event) => Number(event.id))).toEqual([Number(ready.id) + 1, Number(ready.id) + 2, Number(ready.id) + 3]);
    expect((next.data.records as { after: { id: string } }[])[0]?.after.id).toBe(live.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(resumed.events).toHaveLength(4);
  });

  it('asks a client that names a position this service never reached to reload, and goes on from now', async () => {
    const reader = await follow({ lastEventId: '900000' });
    const [ready, reload] = [await reader.next(), await reader.next()];
    const position = (await service.store.changePosition()).sequence;
    expect([ready.event, ready.data.sequence, reload.event, reload.data.reason, reload.data.sequence, reload.id]).toEqual([
      'ready',
      position,
      'reload',
      'UNKNOWN_POSITION',
      position,
      String(position),
    ]);
  });

  it('keeps an idle stream open with heartbeat comments', async () => {
    const reader = await follow();
    await reader.next();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(reader.comments()).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['letters', 'abc'],
    ['a sign', '-1'],
    ['an exponent', '1e3'],
    ['two numbers', '7, 8'],
    ['more digits than a safe number', '12345678901234567890'],
  ])('refuses a Last-Event-ID with %s (400 INVALID_LAST_EVENT_ID), holding nothing open', async (_label, lastEventId) => {
    const answer = await openEventReader(service.url, { token, lastEventId });
    expect('events' in answer ? answer.status : { status: answer.status, code: answer.body.code }).toEqual({ status: 400, code: 'INVALID_LAST_EVENT_ID' });
  });

  it('refuses no token, an expired token and a token of another environment with 401', async () => {
    const key = await service.store.tokenSigningKey();
    const now = Math.floor(Date.now() / 1000);
    const sign = (audience: string, expires: number) =>
      new SignJWT({ name: upnOf('alice') })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('S-1-5-21-1-2-3-4')
        .setIssuer('rms-connector-service')
        .setAudience(audience)
        .setIssuedAt(now - 7200)
        .setExpirationTime(expires)
        .sign(key);
    const answers = await Promise.all(
      [undefined, await sign('urn:rms-connector:AzureCloud', now - 60), await sign('urn:rms-connector:AzureChinaCloud', now + 600)].map((bearer) =>
        openEventReader(service.url, bearer === undefined ? {} : { token: bearer }),
      ),
    );
    expect(answers.map((answer) => ('events' in answer ? 200 : `${String(answer.status)} ${String(answer.body.code)}`))).toEqual([
      '401 UNAUTHENTICATED',
      '401 TOKEN_EXPIRED',
      '401 UNAUTHENTICATED',
    ]);
  });

  it('answers HEAD without holding a stream open', async () => {
    const answer = await openEventReader(service.url, { token, method: 'HEAD' });
    expect('events' in answer ? 'stream' : [answer.status, answer.headers['content-type']]).toEqual([200, 'text/event-stream; charset=utf-8']);
  });

  it('refuses 1,000 streams opened at once past the per-admin limit with 429 and stays responsive', async () => {
    // Another admin, so the streams the tests above left closing do not count.
    await service.grant(upnOf('bob'), 'ConnectorAdministrator');
    const bob = await service.signIn(upnOf('bob'));
    const answers = await Promise.all(Array.from({ length: 1000 }, () => openEventReader(service.url, { token: bob })));
    const started = performance.now();
    const list = await call(service.url, 'GET', '/v1/authorized-accounts', { token });
    const listMs = performance.now() - started;
    const open = answers.filter((answer) => 'events' in answer);
    const refused = answers.filter((answer): answer is Exclude<typeof answer, EventReader> => !('events' in answer));
    for (const reader of open) reader.close();
    console.log(`1,000 streams at once: ${String(open.length)} open, ${String(refused.length)} refused; a list read meanwhile took ${listMs.toFixed(1)} ms`);
    expect({
      open: open.length,
      refused: refused.length,
      codes: [...new Set(refused.map((answer) => `${String(answer.status)} ${String(answer.body.code)} ${String(answer.headers['retry-after'])}`))],
      message: refused[0]?.body.message,
      list: list.status,
    }).toEqual({
      open: 10,
      refused: 990,
      codes: ['429 TOO_MANY_STREAMS 30'],
      message: expect.stringContaining('Close a console window or a "servers watch"'),
      list: 200,
    });
  });

  it('gives a closed stream’s place back', async () => {
    const bob = await service.signIn(upnOf('bob'));
    let answer = await openEventReader(service.url, { token: bob });
    // The node learns of the closes above as their connections end.
    for (let attempt = 0; attempt < 20 && !('events' in answer); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await openEventReader(service.url, { token: bob });
    }
    const reader = opened(answer);
    readers.push(reader);
    expect((await reader.next()).event).toBe('ready');
  });
});

describe('the end of a change stream', () => {
  it('ends with TOKEN_EXPIRED when the token expires, saying to sign in again', async () => {
    const service = await startTestService({ tokenLifetimeSeconds: 2 });
    try {
      await service.grant(upnOf('alice'), 'ConnectorAdministrator');
      const reader = opened(await openEventReader(service.url, { token: await service.signIn(upnOf('alice')) }));
      await reader.next();
      const end = await reader.next(5000);
      await reader.ended;
      expect({ event: end.event, code: end.data.code, message: end.data.message }).toEqual({
        event: 'end',
        code: 'TOKEN_EXPIRED',
        message: expect.stringContaining('Sign in again'),
      });
    } finally {
      await service.dispose();
    }
  });

  it('sends the change that removed the admin’s role, then ends with ROLE_REVOKED', async () => {
    const service = await startTestService();
    try {
      const sid = await service.grant(upnOf('alice'), 'ConnectorAdministrator');
      const reader = opened(await openEventReader(service.url, { token: await service.signIn(upnOf('alice')) }));
      await reader.next();
      await service.store.removeAdministrator(sid, 'ConnectorAdministrator', {
        actor: 'CORP\\carol',
        actorSid: null,
        source: 'test',
        node: 'test',
        correlationId: 'revoke',
        at: new Date().toISOString(),
      });
      const [change, end] = [await reader.next(), await reader.next()];
      await reader.ended;
      expect([change.event, (change.data.records as { action: string }[])[0]?.action, end.event, end.data.code]).toEqual([
        'change',
        'role-based-administrator.remove',
        'end',
        'ROLE_REVOKED',
      ]);
    } finally {
      await service.dispose();
    }
  });

  it('ends every stream with SERVICE_STOPPING when the node stops, and the node stops promptly', async () => {
    const service = await startTestService();
    await service.grant(upnOf('alice'), 'ConnectorAdministrator');
    const token = await service.signIn(upnOf('alice'));
    const readers = await Promise.all([1, 2, 3].map(async () => opened(await openEventReader(service.url, { token }))));
    await Promise.all(readers.map((reader) => reader.next()));
    const started = performance.now();
    await service.dispose();
    const stopMs = performance.now() - started;
    const ends = await Promise.all(readers.map((reader) => reader.next()));
    expect(ends.map((end) => [end.event, end.data.code])).toEqual([
      ['end', 'SERVICE_STOPPING'],
      ['end', 'SERVICE_STOPPING'],
      ['end', 'SERVICE_STOPPING'],
    ]);
    // Not a timing assertion on speed: an open stream must not hold the node until the client leaves.
    expect(stopMs).toBeLessThan(10_000);
  });
});

describe('conditional list reads, If-None-Match', () => {
  let service: TestService;
  let token: string;
  const list = (ifNoneMatch?: string) =>
    call(service.url, 'GET', '/v1/authorized-accounts', { token, ...(ifNoneMatch === undefined ? {} : { headers: { 'if-none-match': ifNoneMatch } }) });

  beforeAll(async () => {
    service = await startTestService();
    await service.grant(upnOf('alice'), 'ConnectorAdministrator');
    token = await service.signIn(upnOf('alice'));
  });
  afterAll(async () => {
    await service.dispose();
  });

  it.each([
    ['the current ETag', '"0"'],
    ['it weakly', 'W/"0"'],
    ['it among others', '"7", "0"'],
    ['*', '*'],
  ])('answers 304 with the ETag and no body to %s', async (_label, header) => {
    const answer = await list(header);
    expect([answer.status, answer.headers.get('etag'), answer.text]).toEqual([304, '"0"', '']);
  });

  it('sends the list to an older or unknown ETag', async () => {
    const answers = [await list('"5"'), await list('"abc"')];
    expect(answers.map((answer) => [answer.status, answer.headers.get('etag'), answer.body])).toEqual([
      [200, '"0"', { version: 0, entries: [] }],
      [200, '"0"', { version: 0, entries: [] }],
    ]);
  });

  it('refuses a malformed If-None-Match with 400', async () => {
    const answer = await list('0');
    expect([answer.status, answer.body.code]).toEqual([400, 'INVALID_PRECONDITION']);
  });

  it('sends the new list once it changed, and 304 again for its ETag', async () => {
    const [sid] = Object.values(await seedSids(['svc-sp-central']));
    await call(service.url, 'POST', '/v1/authorized-accounts', {
      token,
      body: { sid, name: 'svc-sp-central', role: 'sharepoint' },
      headers: { 'if-match': '"0"' },
    });
    const changed = await list('"0"');
    const again = await list('"1"');
    expect([changed.status, changed.headers.get('etag'), (changed.body.entries as unknown[]).length, again.status]).toEqual([200, '"1"', 1, 304]);
  });
});
