import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ERROR_STATUS } from '../../contract/connector-api/index.ts';
import { createConnectorClient } from './connector-client.ts';
import type { ConnectorClient } from './connector-client-types.ts';
import { ConnectorError } from './connector-error.ts';
import type { ConnectorErrorJson } from './connector-error.ts';
import { closedPort } from './testing/closed-port.ts';
import { startFakeService } from './testing/fake-service.ts';
import type { FakeService } from './testing/fake-service.ts';

const TOKEN = 'tok-3f9a1c7e5b2d4a6c8e0f';
const PASSWORD = 'Correct-Horse-9!';

/** The error a call fails with, in its printable form (fails the test if the call succeeds). */
async function failureOf(call: Promise<unknown>): Promise<ConnectorErrorJson> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`Expected a ConnectorError, got ${inspect(error)}`);
  return error.toJSON();
}

describe('connector-client errors', () => {
  let service: FakeService;
  let client: ConnectorClient;

  beforeAll(async () => {
    service = await startFakeService();
    client = createConnectorClient({ baseUrl: service.url, token: TOKEN, proxy: 'none', retries: 0 });
  });

  afterAll(async () => {
    await client.close();
    await service.close();
  });

  it.each(Object.entries(API_ERROR_STATUS))('maps %s to a ConnectorError with its status when the service answers it', async (code, status) => {
    service.script({ status, json: { code, message: `The service says ${code}.`, details: ['entries.0.sid: Not a SID.'] }, headers: { 'retry-after': '3' } });
    expect(await failureOf(client.session())).toEqual({
      name: 'ConnectorError',
      code,
      status,
      message: `The service says ${code}.`,
      details: ['entries.0.sid: Not a SID.'],
      retryAfterSeconds: 3,
    });
  });

  it('keeps the service message but answers BAD_RESPONSE when the code is unknown', async () => {
    service.script({ status: 418, json: { code: 'TEAPOT', message: 'Short and stout.' } });
    expect(await failureOf(client.session())).toEqual({
      name: 'ConnectorError',
      code: 'BAD_RESPONSE',
      status: 418,
      message: 'The service answered 418 with an error code this console does not know (TEAPOT): Short and stout.',
    });
  });

  it('answers BAD_RESPONSE when a 200 body is not JSON', async () => {
    service.script({ text: '<html>Sign in to the proxy</html>', headers: { 'content-type': 'text/html' } });
    expect(await failureOf(client.session())).toEqual({
      name: 'ConnectorError',
      code: 'BAD_RESPONSE',
      status: 200,
      message: `GET ${service.url}/v1/session answered 200 with a body that is not JSON (text/html). Check that the address points at the connector configuration service, not at another site or a proxy's page.`,
    });
  });

  it('answers BAD_RESPONSE naming the fields when the body does not match the schema', async () => {
    service.script({ json: { version: -1, entries: [{ id: 'not-a-uuid' }] }, headers: { etag: '"1"' } });
    const error = await failureOf(client.listAuthorizedAccounts());
    expect({ ...error, message: error.message.replace(/\(.*\)/, '(…)') }).toEqual({
      name: 'ConnectorError',
      code: 'BAD_RESPONSE',
      status: 200,
      message: `GET ${service.url}/v1/authorized-accounts answered 200 with a body this console does not understand (…). The service may run another version than this console: update the older one.`,
    });
    expect(error.message).toMatch(/version: .*; entries\.0\.id: .*; entries\.0\.sid: .* and \d+ more/);
  });

  it('answers BAD_RESPONSE when the success status is not the route’s', async () => {
    service.script({ status: 204 });
    expect(await failureOf(client.addAuthorizedAccount({ sid: 'S-1-5-21-1-2-3-500', name: 'x', role: 'fci' }, { ifMatch: '"1"' }))).toMatchObject({
      code: 'BAD_RESPONSE',
      status: 204,
    });
  });

  it('answers BAD_RESPONSE naming the new address when the service redirects', async () => {
    service.script({ status: 301, headers: { location: 'https://connector.contoso.com/v1/session' } });
    expect(await failureOf(client.session())).toEqual({
      name: 'ConnectorError',
      code: 'BAD_RESPONSE',
      status: 301,
      message: `GET ${service.url}/v1/session was redirected (301 to https://connector.contoso.com/v1/session). Set the service address to the address it redirects to.`,
    });
  });

  it('answers UNREACHABLE with the status when a gateway answers 502 with its own page', async () => {
    service.script({ status: 502, text: '<html>Bad Gateway</html>', headers: { 'content-type': 'text/html' } });
    expect(await failureOf(client.session())).toMatchObject({ code: 'UNREACHABLE', status: 502 });
  });

  it('answers UNREACHABLE naming the address when nothing listens there', async () => {
    const port = await closedPort();
    const nowhere = createConnectorClient({ baseUrl: `http://127.0.0.1:${port}`, proxy: 'none', retries: 0 });
    const error = await failureOf(nowhere.session());
    await nowhere.close();
    expect(error).toEqual({
      name: 'ConnectorError',
      code: 'UNREACHABLE',
      message: `The connector configuration service at http://127.0.0.1:${port} could not be reached (connect ECONNREFUSED 127.0.0.1:${port}). Check the address, that the service is running, the firewall; if this computer reaches it only through a web proxy, set the proxy.`,
    });
  });

  it('never shows the token or the password when the service echoes them', async () => {
    service.script({
      status: 401,
      json: { code: 'BAD_CREDENTIALS', message: `No user with password ${PASSWORD} (token ${TOKEN}).`, details: [TOKEN, PASSWORD] },
    });
    const caught = await client.signIn({ environment: 'AzureCloud', username: 'CONTOSO\\admin', password: PASSWORD }).catch((error: unknown) => error);
    const printed = [JSON.stringify(caught), inspect(caught, { depth: 8 }), String(caught)].join('\n');
    expect({ code: (caught as ConnectorError).code, leaks: [TOKEN, PASSWORD].filter((secret) => printed.includes(secret)) }).toEqual({
      code: 'BAD_CREDENTIALS',
      leaks: [],
    });
  });

  it('never shows the token when the transport fails with a token set', async () => {
    const port = await closedPort();
    const nowhere = createConnectorClient({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN, proxy: 'none', retries: 0, timeoutMs: 500 });
    const failures = await Promise.all([
      nowhere.session().catch((error: unknown) => error),
      nowhere
        .withToken(`${TOKEN}2`)
        .administration()
        .catch((error: unknown) => error),
    ]);
    await nowhere.close();
    const printed = failures.map((error) => [JSON.stringify(error), inspect(error, { depth: 8 })].join('\n')).join('\n');
    expect({ codes: failures.map((error) => (error as ConnectorError).code), leaked: printed.includes(TOKEN) }).toEqual({
      codes: ['UNREACHABLE', 'UNREACHABLE'],
      leaked: false,
    });
  });

  it('refuses an unsendable token without quoting it when a client is derived', () => {
    const secret = 'abc\r\nX-Injected: 1';
    let caught: unknown;
    try {
      client.withToken(secret);
    } catch (error) {
      caught = error;
    }
    expect({ json: (caught as ConnectorError).toJSON(), leaked: inspect(caught).includes('X-Injected') }).toEqual({
      json: {
        name: 'ConnectorError',
        code: 'INVALID_OPTIONS',
        message: 'The token is empty or holds spaces or control characters. Sign in again to get a new one.',
      },
      leaked: false,
    });
  });
});
