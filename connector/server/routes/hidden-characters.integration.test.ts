import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameWithHiddenCharacter } from '../../../contract/testing/hidden-text.ts';
import { call } from '../testing/http.ts';
import { seedSids } from '../testing/seed-sids.ts';
import { startTestService, upnOf, type TestService } from '../testing/service-fixture.ts';

describe('names with hidden characters over HTTP', () => {
  let service: TestService;
  let token: string;
  const sids: Record<string, string> = {};
  const list = () => call(service.url, 'GET', '/v1/authorized-accounts', { token });
  const auditCount = async () => ((await call(service.url, 'GET', '/v1/audit?limit=500', { token })).body.records as unknown[]).length;

  beforeAll(async () => {
    service = await startTestService();
    await service.grant(upnOf('alice'), 'ConnectorAdministrator');
    token = await service.signIn(upnOf('alice'));
    Object.assign(sids, await seedSids(['svc-sp-central', 'CORP\\FCI File Servers']));
  });
  afterAll(async () => {
    await service.dispose();
  });

  it('adds an entry whose name is plain text, so a refusal below is the name and nothing else', async () => {
    const before = await list();
    const answer = await call(service.url, 'POST', '/v1/authorized-accounts', {
      token,
      body: { sid: sids['svc-sp-central'], name: 'svc-sp-central', role: 'sharepoint' },
      headers: { 'if-match': before.headers.get('etag') ?? '' },
    });
    expect(answer.status, answer.text).toBe(201);
  });

  it('refuses any name with a hidden character with 400 VALIDATION_FAILED naming it and its position, and never stores it', async () => {
    const before = await list();
    const audits = await auditCount();
    const etag = before.headers.get('etag') ?? '';
    await fc.assert(
      fc.asyncProperty(nameWithHiddenCharacter, fc.constantFrom('sharepoint', 'fci'), async ({ text, position, code }, role) => {
        const sid = role === 'fci' ? sids['CORP\\FCI File Servers'] : sids['svc-sp-central'];
        const answer = await call(service.url, 'POST', '/v1/authorized-accounts', { token, body: { sid, name: text, role }, headers: { 'if-match': etag } });
        expect({ status: answer.status, code: answer.body.code, message: answer.body.message }).toEqual({
          status: 400,
          code: 'VALIDATION_FAILED',
          message: expect.stringContaining(`name: Character ${String(position)} is ${code} (`),
        });
      }),
      { numRuns: 60 },
    );
    const after = await list();
    expect([after.body, after.headers.get('etag'), await auditCount()]).toEqual([before.body, etag, audits]);
  });

  it('refuses an import with one such name among plain ones, storing none of them', async () => {
    const before = await list();
    const entries = [
      { sid: sids['svc-sp-central'], name: 'svc-sp-central', role: 'sharepoint' },
      { sid: sids['CORP\\FCI File Servers'], name: 'CORP\\FCI\u200BFile Servers', role: 'fci' },
    ];
    const answer = await call(service.url, 'PUT', '/v1/authorized-accounts', {
      token,
      body: { entries },
      headers: { 'if-match': before.headers.get('etag') ?? '' },
    });
    expect({ status: answer.status, code: answer.body.code, message: answer.body.message }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('entries.1.name: Character 9 is U+200B (zero width space), which is invisible: retype the name without it.'),
    });
    expect((await list()).body).toEqual(before.body);
  });

  it.each([
    [
      'a sign-in user name',
      'POST',
      '/v1/sign-in',
      { environment: 'AzureCloud', username: `${upnOf('alice').slice(0, 5)}\u200E${upnOf('alice').slice(5)}`, password: 'not-checked' },
      'username: Character 6 is U+200E (left-to-right mark)',
    ],
    ['an audit actor filter', 'GET', `/v1/audit?actor=${encodeURIComponent('alice\u2066')}`, undefined, 'actor: Character 6 is U+2066 (left-to-right isolate)'],
  ])('refuses %s with a hidden character, naming it and its position', async (_label, method, path, body, message) => {
    const answer = await call(service.url, method, path, body === undefined ? { token } : { body });
    expect({ status: answer.status, code: answer.body.code, message: answer.body.message }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining(message),
    });
  });
});
