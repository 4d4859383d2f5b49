import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConnectorClient } from './connector-client.ts';
import type { ConnectorClient } from './connector-client-types.ts';
import { startFakeService } from './testing/fake-service.ts';
import type { FakeService } from './testing/fake-service.ts';
import { SAMPLE_ACCOUNT, SAMPLE_ADMINISTRATION, SAMPLE_AUDIT_PAGE, SAMPLE_CONNECTORS, SAMPLE_SESSION } from './testing/sample-answers.ts';

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.c2Vzc2lvbg.c2lnbmF0dXJl';
const NEW_ENTRY = { sid: SAMPLE_ACCOUNT.sid, name: SAMPLE_ACCOUNT.name, role: SAMPLE_ACCOUNT.role };

describe('connector-client', () => {
  let service: FakeService;
  let client: ConnectorClient;

  beforeAll(async () => {
    service = await startFakeService();
    client = createConnectorClient({ baseUrl: service.url, token: TOKEN, proxy: 'none', retries: 0, userAgent: 'console-test' });
  });

  afterAll(async () => {
    await client.close();
    await service.close();
  });

  beforeEach(() => {
    service.requests.length = 0;
  });

  it('returns the typed session and sends the bearer token when the route needs one', async () => {
    service.script({ json: SAMPLE_SESSION });
    const session = await client.session();
    expect({
      session,
      request: service.requests.map(({ method, url, headers }) => ({
        method,
        url,
        authorization: headers.authorization,
        accept: headers.accept,
        agent: headers['user-agent'],
      })),
    }).toEqual({
      session: SAMPLE_SESSION,
      request: [{ method: 'GET', url: '/v1/session', authorization: `Bearer ${TOKEN}`, accept: 'application/json', agent: 'console-test' }],
    });
  });

  it('signs in with the request as JSON and no Authorization header when the route is public', async () => {
    service.script({ json: { token: 'new-token', expiresAt: '2025-01-02T04:04:05.000Z' } });
    const answer = await client.signIn({ environment: 'AzureCloud', username: 'CONTOSO\\admin', password: 'Pa55w0rd!' });
    const [request] = service.requests;
    expect({
      answer,
      method: request?.method,
      url: request?.url,
      body: JSON.parse(request?.body ?? 'null') as unknown,
      authorization: request?.headers.authorization,
      type: request?.headers['content-type'],
    }).toEqual({
      answer: { token: 'new-token', expiresAt: '2025-01-02T04:04:05.000Z' },
      method: 'POST',
      url: '/v1/sign-in',
      body: { environment: 'AzureCloud', username: 'CONTOSO\\admin', password: 'Pa55w0rd!' },
      authorization: undefined,
      type: 'application/json',
    });
  });

  it('returns the list with the ETag header as it came when listing', async () => {
    service.script({ json: { version: 7, entries: [SAMPLE_ACCOUNT] }, headers: { etag: '"7"' } });
    expect(await client.listAuthorizedAccounts()).toEqual({ list: { version: 7, entries: [SAMPLE_ACCOUNT] }, etag: '"7"' });
  });

  it('derives the ETag from the version when a proxy weakened the header', async () => {
    service.script({ json: { version: 3, entries: [] }, headers: { etag: 'W/"3"' } });
    expect(await client.listAuthorizedAccounts()).toEqual({ list: { version: 3, entries: [] }, etag: '"3"' });
  });

  it('returns null with If-None-Match sent when the list is unchanged (304), and the listing when it moved', async () => {
    service.script({ status: 304, text: '', headers: { etag: '"7"' } }, { json: { version: 8, entries: [SAMPLE_ACCOUNT] }, headers: { etag: '"8"' } });
    const answers = [await client.listAuthorizedAccountsIfChanged('"7"'), await client.listAuthorizedAccountsIfChanged('"7"')];
    expect({ answers, sent: service.requests.map((request) => request.headers['if-none-match']) }).toEqual({
      answers: [null, { list: { version: 8, entries: [SAMPLE_ACCOUNT] }, etag: '"8"' }],
      sent: ['"7"', '"7"'],
    });
  });

  it('refuses an ETag that cannot be a header value before sending anything', async () => {
    await expect(client.listAuthorizedAccountsIfChanged('"7"\r\nx: y')).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    expect(service.requests).toEqual([]);
  });

  it('sends If-Match, Idempotency-Key and the entry when adding', async () => {
    const result = { entry: SAMPLE_ACCOUNT, version: 8, superUserFeatureEnabled: true };
    service.script({ status: 201, json: result, headers: { etag: '"8"' } });
    const answer = await client.addAuthorizedAccount(NEW_ENTRY, { ifMatch: '"7"', idempotencyKey: 'key-1' });
    const [request] = service.requests;
    expect({
      answer,
      sent: {
        method: request?.method,
        url: request?.url,
        ifMatch: request?.headers['if-match'],
        key: request?.headers['idempotency-key'],
        body: JSON.parse(request?.body ?? 'null') as unknown,
      },
    }).toEqual({
      answer: { result, etag: '"8"' },
      sent: { method: 'POST', url: '/v1/authorized-accounts', ifMatch: '"7"', key: 'key-1', body: NEW_ENTRY },
    });
  });

  it('puts the encoded id in the path and sends If-Match when removing', async () => {
    service.script({ json: { removed: SAMPLE_ACCOUNT, version: 9 }, headers: { etag: '"9"' } });
    const answer = await client.removeAuthorizedAccount('a/b c', { ifMatch: '"8"' });
    const [request] = service.requests;
    expect({ answer, method: request?.method, url: request?.url, ifMatch: request?.headers['if-match'], key: request?.headers['idempotency-key'] }).toEqual({
      answer: { result: { removed: SAMPLE_ACCOUNT, version: 9 }, etag: '"9"' },
      method: 'DELETE',
      url: '/v1/authorized-accounts/a%2Fb%20c',
      ifMatch: '"8"',
      key: undefined,
    });
  });

  it('sends the whole list with PUT when replacing', async () => {
    const result = { version: 10, added: [SAMPLE_ACCOUNT], removed: [], superUserFeatureEnabled: false };
    service.script({ json: result, headers: { etag: '"10"' } });
    const answer = await client.replaceAuthorizedAccounts([NEW_ENTRY], { ifMatch: '"9"' });
    const [request] = service.requests;
    expect({ answer, method: request?.method, ifMatch: request?.headers['if-match'], body: JSON.parse(request?.body ?? 'null') as unknown }).toEqual({
      answer: { result, etag: '"10"' },
      method: 'PUT',
      ifMatch: '"9"',
      body: { entries: [NEW_ENTRY] },
    });
  });

  it('returns administration, connectors and an audit page when filters are partly given, sending only those', async () => {
    service.script({ json: SAMPLE_ADMINISTRATION }, { json: SAMPLE_CONNECTORS }, { json: SAMPLE_AUDIT_PAGE });
    const answers = [
      await client.administration(),
      await client.listConnectors(),
      await client.audit({ limit: 50, actor: 'CONTOSO\\admin', action: 'authorized-account.add' }),
    ];
    expect({ answers, urls: service.requests.map((request) => request.url) }).toEqual({
      answers: [SAMPLE_ADMINISTRATION, SAMPLE_CONNECTORS, SAMPLE_AUDIT_PAGE],
      urls: ['/v1/administration', '/v1/connectors', '/v1/audit?limit=50&actor=CONTOSO%5Cadmin&action=authorized-account.add'],
    });
  });

  it('returns the connector pages as text and the OpenAPI document as JSON when the service serves them', async () => {
    service.script(
      { text: '<html>ServerCertificationWebService</html>' },
      { text: 'https://contoso.rms.eu.aadrm.com\r\n' },
      { json: { openapi: '3.1.0', paths: {} } },
    );
    const answers = [await client.serverCertificationPage(), await client.rmsoUri(), await client.openApiDocument()];
    expect({ answers, urls: service.requests.map((request) => request.url) }).toEqual({
      answers: ['<html>ServerCertificationWebService</html>', 'https://contoso.rms.eu.aadrm.com', { openapi: '3.1.0', paths: {} }],
      urls: ['/_wmcs/certification/servercertification.asmx', '/_wmcs/GetRmsoUri.aspx', '/openapi.json'],
    });
  });

  it('sends the new token and keeps the path prefix when a client is derived with withToken', async () => {
    const prefixed = createConnectorClient({ baseUrl: `${service.url}/config/`, proxy: 'none' });
    service.script({ json: SAMPLE_SESSION });
    await prefixed.withToken('other-token').session();
    await prefixed.close();
    expect(service.requests.map((request) => ({ url: request.url, authorization: request.headers.authorization }))).toEqual([
      { url: '/config/v1/session', authorization: 'Bearer other-token' },
    ]);
  });
});
