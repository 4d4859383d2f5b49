import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './testing/http.ts';
import { seedSids } from './testing/seed-sids.ts';
import type { Client } from 'ldapts';
import { adAdminClient, adTestConnection, CONTOSO_OU } from '../../core/directory/testing/ad-test-connection.ts';
import { startTestService, type TestService } from './testing/service-fixture.ts';

/**
 * Issue 13, parts 2 and 3 and the smaller ones, over real HTTP against the Samba DC: whose
 * name the list keeps, If-Match as RFC 9110 defines it, authentication before validation,
 * 405 with Allow, the Bearer scheme in any case.
 */
describe('the service keeps to HTTP and to the directory', () => {
  let service: TestService;
  let token: string;
  const sids: Record<string, string> = {};
  const list = () => call(service.url, 'GET', '/v1/authorized-accounts', { token });
  const add = (name: string, role: string, ifMatch: string) =>
    call(service.url, 'POST', '/v1/authorized-accounts', { token, body: { sid: sids[name], name, role }, headers: { 'if-match': ifMatch } });
  const removeAll = async () => {
    for (const entry of (await list()).body.entries as { id: string }[])
      await call(service.url, 'DELETE', `/v1/authorized-accounts/${entry.id}`, { token, headers: { 'if-match': '*' } });
  };

  const OU = `OU=Http Semantics ${String(process.pid)},${CONTOSO_OU}`;
  const spoofDn = `CN=PRN Spoof ${String(process.pid)},${OU}`;
  let admin: Client;

  beforeAll(async () => {
    admin = await adAdminClient();
    await admin.add(OU, { objectClass: ['top', 'organizationalUnit'] });
    // A computer account anyone allowed to join machines could create: its sAMAccountName
    // carries a right-to-left override, so "EXCH\u202E10$" would read as another name.
    await admin.add(spoofDn, {
      objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer'],
      sAMAccountName: `EXCH\u202E${String(process.pid % 1000)}$`,
      userAccountControl: '4096',
    });
    service = await startTestService();
    await service.grant('CORP\\Administrator', 'GlobalAdministrator');
    token = await service.signIn('CORP\\Administrator', adTestConnection().password);
    Object.assign(sids, await seedSids(['CORP\\EXCH01$', 'CORP\\FS01$', 'CORP\\FS02$', 'svc-sp-central', spoofDn]));
  });
  afterAll(async () => {
    await service.dispose();
    await admin.del(spoofDn).catch(() => undefined);
    await admin.del(OU).catch(() => undefined);
    await admin.unbind();
  });

  it("stores and audits the directory's DOMAIN\\sam for a SID, never the name the client sent, and audits the actor by UPN", async () => {
    const answer = await call(service.url, 'POST', '/v1/authorized-accounts', {
      token,
      body: { sid: sids['CORP\\EXCH01$'], name: 'CORP\\Harmless Printer', role: 'fci' },
      headers: { 'if-match': '"0"' },
    });
    expect([answer.status, (answer.body.entry as { name: string }).name]).toEqual([201, 'CORP\\EXCH01$']);
    expect((await list()).body.entries).toEqual([
      expect.objectContaining({ sid: sids['CORP\\EXCH01$'], name: 'CORP\\EXCH01$', addedBy: 'Administrator@corp.contoso.test' }),
    ]);
    const audit = await call(service.url, 'GET', '/v1/audit?limit=1', { token });
    const [record] = audit.body.records as { actor: string; target: string; after: { name: string } }[];
    expect(record).toMatchObject({ actor: 'Administrator@corp.contoso.test', target: 'CORP\\EXCH01$ (fci)', after: { name: 'CORP\\EXCH01$' } });
    expect(audit.text).not.toContain('Harmless Printer');
    await removeAll();
  });

  it('refuses an account whose directory name holds a direction character, showing the character as its code', async () => {
    const before = await list();
    const answer = await call(service.url, 'POST', '/v1/authorized-accounts', {
      token,
      body: { sid: sids[spoofDn], name: 'CORP\\PRN01$', role: 'fci' },
      headers: { 'if-match': before.headers.get('etag') ?? '' },
    });
    expect([answer.status, answer.body.code]).toEqual([422, 'ACCOUNT_NAME_REFUSED']);
    expect(answer.body.message).toEqual(expect.stringContaining('CORP\\EXCH<U+202E>'));
    expect(answer.text).not.toContain('\u202E');
    expect((await list()).body).toEqual(before.body);
  });

  it.each([
    ['a tag that names no version', '"abc"'],
    ['an empty tag', '""'],
    ['a number past any version', '"9999999999999999"'],
    ['a weak tag of the current version', 'W/"CURRENT"'],
    ['a list where no tag matches', '"999", W/"CURRENT"'],
  ])('answers 412 with the current ETag to %s, and changes nothing', async (_label, template) => {
    const before = await list();
    const current = (before.headers.get('etag') ?? '').replaceAll('"', '');
    const answer = await add('CORP\\FS01$', 'fci', template.replace('CURRENT', current));
    expect([answer.status, answer.body.code, answer.headers.get('etag')]).toEqual([412, 'PRECONDITION_FAILED', `"${current}"`]);
    expect((await list()).body).toEqual(before.body);
  });

  it('applies a change when one tag of a list matches, and when If-Match is * (any current list)', async () => {
    const version = (await list()).body.version as number;
    const listed = await add('CORP\\FS01$', 'fci', `"999", "${String(version)}"`);
    const star = await add('CORP\\FS02$', 'fci', '*');
    expect([listed.status, star.status, star.headers.get('etag')]).toEqual([201, 201, `"${String(version + 2)}"`]);
    const removal = await call(service.url, 'DELETE', `/v1/authorized-accounts/${(star.body.entry as { id: string }).id}`, {
      token,
      headers: { 'if-match': '*' },
    });
    expect(removal.status).toBe(200);
    await removeAll();
  });

  it.each([['1'], ['"1'], ['*, "1"'], ['"1" "2"']])('answers 400 to If-Match %j, which is not entity-tag syntax', async (header) => {
    const answer = await add('svc-sp-central', 'sharepoint', header);
    expect([answer.status, answer.body.code]).toEqual([400, 'INVALID_PRECONDITION']);
  });

  it.each([
    ['POST', '/v1/authorized-accounts', { body: {} }],
    ['POST', '/v1/authorized-accounts', { rawBody: '{not json' }],
    ['POST', '/v1/authorized-accounts', { rawBody: JSON.stringify({ entries: 'x'.repeat(100_000) }) }],
    ['PUT', '/v1/authorized-accounts', { body: { entries: 'no' } }],
    ['DELETE', '/v1/authorized-accounts/1', {}],
    ['GET', '/v1/audit?limit=banana', {}],
  ])('answers 401 to an unauthenticated %s %s before looking at what it carries', async (method, path, options) => {
    const answer = await call(service.url, method, path, options);
    expect([answer.status, answer.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(answer.body.details).toBeUndefined();
  });

  it.each([
    ['PATCH', '/v1/authorized-accounts', 'GET, HEAD, POST, PUT'],
    ['GET', '/v1/authorized-accounts/6f1c0c5e-7d7a-4b8e-9c1e-2f3a4b5c6d7e', 'DELETE'],
    ['DELETE', '/v1/sign-in', 'POST'],
    ['POST', '/openapi.json', 'GET, HEAD'],
  ])('answers %s %s with 405 and the methods it allows', async (method, path, allowed) => {
    const answer = await call(service.url, method, path, { token });
    expect([answer.status, answer.body.code, answer.headers.get('allow')]).toEqual([405, 'METHOD_NOT_ALLOWED', allowed]);
  });

  it.each(['bearer', 'BEARER', 'bEaReR'])('accepts the %s scheme, case-insensitively (RFC 9110 §11.1)', async (scheme) => {
    const response = await fetch(`${service.url}/v1/session`, { headers: { authorization: `${scheme} ${token}` } });
    expect([response.status, ((await response.json()) as { roles: string[] }).roles]).toEqual([200, ['GlobalAdministrator']]);
  });

  it('signs the actor in under its UPN even when the account has no explicit one', async () => {
    const session = await call(service.url, 'GET', '/v1/session', { token });
    expect(session.body.name).toBe('Administrator@corp.contoso.test');
  });
});
