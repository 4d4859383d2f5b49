import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Answer } from './testing/http.ts';
import { seedSid } from './testing/seed-sids.ts';
import { startTestService, upnOf, type TestService } from './testing/service-fixture.ts';

const METACHARACTERS = [
  "' OR 1=1; DROP TABLE authorized_accounts; --",
  '*)(objectClass=*',
  'admin)(|(cn=*',
  '\\2a\\28',
  'CN=x,DC=evil',
  '"; DELETE FROM audit; --',
  '\u0000',
  'Ω≈ç√∫˜µ≤≥÷ 😀',
  'a'.repeat(100_000),
];

describe('hostile input at the HTTP boundary', () => {
  let service: TestService;
  let token: string;
  let userSid: string;
  const state = async () => (await call(service.url, 'GET', '/v1/authorized-accounts', { token })).body;
  const auditCount = async () => ((await call(service.url, 'GET', '/v1/audit?limit=500', { token })).body.records as unknown[]).length;
  const expectRefused = (answer: Answer) => {
    expect(answer.status, answer.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
    expect(
      Object.keys(answer.body)
        .filter((key) => key !== 'details')
        .sort(),
    ).toEqual(['code', 'message']);
  };

  beforeAll(async () => {
    service = await startTestService();
    await service.grant(upnOf('alice'), 'ConnectorAdministrator');
    token = await service.signIn(upnOf('alice'));
    userSid = await seedSid('svc-sp-central');
  });
  afterAll(async () => {
    await service.dispose();
  });

  it.each([
    ['malformed JSON', { rawBody: '{"sid": "S-1-5-21-1-2-3-4",' }],
    ['a JSON array', { rawBody: '[1,2,3]' }],
    ['a JSON string', { rawBody: '"text"' }],
    ['an empty body', { rawBody: '' }],
    ['a prototype-pollution key', { rawBody: '{"sid":"S-1-5-21-1-2-3-4","name":"x","role":"fci","__proto__":{"admin":true}}' }],
    ['an unknown field', { body: { sid: 'S-1-5-21-1-2-3-4', name: 'x', role: 'fci', kind: 'computer' } }],
    ['a wrong type for the SID', { body: { sid: 12345, name: 'x', role: 'fci' } }],
    ['a role that does not exist', { body: { sid: 'S-1-5-21-1-2-3-4', name: 'x', role: 'superuser' } }],
    ['a SID with an out-of-range sub-authority', { body: { sid: 'S-1-5-21-4294967296-1', name: 'x', role: 'fci' } }],
    ['a name with a line break', { body: { sid: 'S-1-5-21-1-2-3-4', name: 'x\nforged log line', role: 'fci' } }],
    ['a name with a bidi override', { body: { sid: 'S-1-5-21-1-2-3-4', name: 'abc\u202Egnp.exe', role: 'fci' } }],
    ['text/plain', { rawBody: 'sid=1', headers: { 'content-type': 'text/plain' } }],
    ['a 1 MiB body', { rawBody: JSON.stringify({ sid: 'S-1-5-21-1-2-3-4', name: 'x'.repeat(1024 * 1024), role: 'fci' }) }],
  ])('refuses %s with a 4xx JSON error and changes nothing', async (_label, options) => {
    const before = await state();
    const answer = await call(service.url, 'POST', '/v1/authorized-accounts', {
      token,
      headers: { 'if-match': '"0"', ...('headers' in options ? options.headers : {}) },
      ...options,
    });
    expectRefused(answer);
    expect(await state()).toEqual(before);
  });

  it.each(METACHARACTERS.map((text) => [text.slice(0, 40), text]))(
    'refuses SQL/LDAP metacharacters in SIDs, roles, ids, filters and sign-in: %s',
    async (_label, text) => {
      const before = await state();
      const audits = await auditCount();
      for (const body of [
        { sid: text, name: 'x', role: 'fci' },
        { sid: userSid, name: 'x', role: text },
      ]) {
        expectRefused(await call(service.url, 'POST', '/v1/authorized-accounts', { token, body, headers: { 'if-match': `"${String(before.version)}"` } }));
      }
      expectRefused(
        await call(service.url, 'DELETE', `/v1/authorized-accounts/${encodeURIComponent(text)}`, {
          token,
          headers: { 'if-match': `"${String(before.version)}"` },
        }),
      );
      for (const path of [`/v1/audit?actor=${encodeURIComponent(text)}`, `/v1/audit?action=${encodeURIComponent(text)}`]) {
        const answer = await call(service.url, 'GET', path, { token });
        if (answer.status === 200) expect(answer.body.records).toEqual([]);
        else expectRefused(answer);
      }
      expectRefused(await call(service.url, 'POST', '/v1/sign-in', { body: { environment: 'AzureCloud', username: text, password: text } }));
      expect(await state()).toEqual(before);
      expect(await auditCount()).toBe(audits);
    },
  );

  it.each(METACHARACTERS.filter((text) => text.length <= 256 && !text.includes('\u0000')).map((text) => [text.slice(0, 40), text]))(
    "stores the directory's name whatever name the client sent, or refuses it, never interprets it: %s",
    async (_label, text) => {
      const before = await state();
      const answer = await call(service.url, 'POST', '/v1/authorized-accounts', {
        token,
        body: { sid: userSid, name: text, role: 'sharepoint' },
        headers: { 'if-match': `"${String(before.version)}"` },
      });
      if (answer.status !== 201) {
        expectRefused(answer);
        return;
      }
      const entry = answer.body.entry as { id: string; name: string };
      expect((await state()).entries).toEqual([...(before.entries as unknown[]), expect.objectContaining({ name: 'CORP\\svc-sp-central' })]);
      const removed = await call(service.url, 'DELETE', `/v1/authorized-accounts/${entry.id}`, {
        token,
        headers: { 'if-match': answer.headers.get('etag') ?? '' },
      });
      expect(removed.status).toBe(200);
    },
  );

  it("accepts a unicode name from the client but stores the directory's", async () => {
    const before = await state();
    const name = 'Zoë Ångström-Łukasiewicz (Köln) 😀';
    const answer = await call(service.url, 'POST', '/v1/authorized-accounts', {
      token,
      body: { sid: userSid, name, role: 'sharepoint' },
      headers: { 'if-match': `"${String(before.version)}"` },
    });
    expect(answer.status).toBe(201);
    expect((await state()).entries).toEqual([expect.objectContaining({ name: 'CORP\\svc-sp-central', sid: userSid })]);
  });

  it.each([
    ['no token', undefined],
    ['a token that is not a JWT', 'not-a-token'],
    ['a forged signature', 'forged'],
    ['an expired token', 'expired'],
    ['a token for another environment', 'other-environment'],
    ['an unsigned (alg none) token', 'none'],
  ])('refuses %s with 401', async (_label, kind) => {
    const key = await service.store.tokenSigningKey();
    const now = Math.floor(Date.now() / 1000);
    const claims = { name: upnOf('alice'), roles: ['GlobalAdministrator'] };
    const sign = (audience: string, expires: number, signingKey: Uint8Array) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('S-1-5-21-1-2-3-4')
        .setIssuer('rms-connector-service')
        .setAudience(audience)
        .setIssuedAt(now - 7200)
        .setExpirationTime(expires)
        .sign(signingKey);
    const tokens: Record<string, string | undefined> = {
      'not-a-token': 'not-a-token',
      forged: await sign('urn:rms-connector:AzureCloud', now + 600, new Uint8Array(32).fill(7)),
      expired: await sign('urn:rms-connector:AzureCloud', now - 3600, key),
      'other-environment': await sign('urn:rms-connector:AzureChinaCloud', now + 600, key),
      none: `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, sub: 'S-1-5-21-1-2-3-4', aud: 'urn:rms-connector:AzureCloud', exp: now + 600 })).toString('base64url')}.`,
    };
    const answer = await call(service.url, 'GET', '/v1/authorized-accounts', kind === undefined ? {} : { token: tokens[kind] ?? '' });
    expect(answer.status).toBe(401);
    expect(['UNAUTHENTICATED', 'TOKEN_EXPIRED']).toContain(answer.body.code);
    if (kind === 'other-environment') expect(String(answer.body.message)).toContain('another cloud environment');
    if (kind === 'expired') expect(answer.body.code).toBe('TOKEN_EXPIRED');
  });

  it('answers unknown paths with a JSON 404, never a stack trace', async () => {
    const answer = await call(service.url, 'GET', '/v1/no-such-thing', { token });
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(answer.text).not.toMatch(/at .*\.ts:\d+/);
  });
});
