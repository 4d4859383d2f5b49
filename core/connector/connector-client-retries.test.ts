import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConnectorClient } from './connector-client.ts';
import type { ConnectorClient } from './connector-client-types.ts';
import type { ConnectorError } from './connector-error.ts';
import { startFakeService } from './testing/fake-service.ts';
import type { FakeAnswer, FakeService } from './testing/fake-service.ts';
import { SAMPLE_ACCOUNT, SAMPLE_SESSION } from './testing/sample-answers.ts';

const UNAVAILABLE: FakeAnswer = { status: 503, json: { code: 'DIRECTORY_UNAVAILABLE', message: 'The directory could not be reached.' } };
const NEW_ENTRY = { sid: SAMPLE_ACCOUNT.sid, name: SAMPLE_ACCOUNT.name, role: SAMPLE_ACCOUNT.role };
const ADDED: FakeAnswer = { status: 201, json: { entry: SAMPLE_ACCOUNT, version: 2, superUserFeatureEnabled: true }, headers: { etag: '"2"' } };

describe('connector-client retries', () => {
  let service: FakeService;
  let client: ConnectorClient;

  beforeAll(async () => {
    service = await startFakeService();
    client = createConnectorClient({ baseUrl: service.url, token: 'session-token-0123456789', proxy: 'none', retries: 2 });
  });

  afterAll(async () => {
    await client.close();
    await service.close();
  });

  beforeEach(() => {
    service.requests.length = 0;
  });

  it('retries a GET when the service answers 503 and returns the later success', async () => {
    service.script(UNAVAILABLE, UNAVAILABLE, { json: SAMPLE_SESSION });
    expect({ session: await client.session(), attempts: service.requests.length }).toEqual({ session: SAMPLE_SESSION, attempts: 3 });
  });

  it('retries a GET when the connection drops without an answer', async () => {
    service.script({ hangUp: true }, { json: SAMPLE_SESSION });
    expect({ session: await client.session(), attempts: service.requests.length }).toEqual({ session: SAMPLE_SESSION, attempts: 2 });
  });

  it('gives up with the service error after the last retry when 503 persists', async () => {
    service.script(UNAVAILABLE);
    const error = (await client.session().catch((caught: unknown) => caught)) as ConnectorError;
    expect({ code: error.code, status: error.status, attempts: service.requests.length }).toEqual({ code: 'DIRECTORY_UNAVAILABLE', status: 503, attempts: 3 });
  });

  it.each([
    ['DELETE', (subject: ConnectorClient) => subject.removeAuthorizedAccount(SAMPLE_ACCOUNT.id, { ifMatch: '"1"' })],
    ['PUT', (subject: ConnectorClient) => subject.replaceAuthorizedAccounts([NEW_ENTRY], { ifMatch: '"1"' })],
    ['POST without an Idempotency-Key', (subject: ConnectorClient) => subject.addAuthorizedAccount(NEW_ENTRY, { ifMatch: '"1"' })],
  ])('sends a %s once when the service answers 503', async (_label, call) => {
    service.script(UNAVAILABLE, ADDED);
    const error = (await call(client).catch((caught: unknown) => caught)) as ConnectorError;
    expect({ code: error.code, attempts: service.requests.length }).toEqual({ code: 'DIRECTORY_UNAVAILABLE', attempts: 1 });
  });

  it('sends a key-less POST once when the connection drops', async () => {
    service.script({ hangUp: true }, ADDED);
    const error = (await client.addAuthorizedAccount(NEW_ENTRY, { ifMatch: '"1"' }).catch((caught: unknown) => caught)) as ConnectorError;
    expect({ code: error.code, attempts: service.requests.length }).toEqual({ code: 'UNREACHABLE', attempts: 1 });
  });

  it('retries a POST with the same Idempotency-Key when it carries one', async () => {
    service.script(UNAVAILABLE, { hangUp: true }, ADDED);
    const answer = await client.addAuthorizedAccount(NEW_ENTRY, { ifMatch: '"1"', idempotencyKey: 'add-exch01' });
    expect({
      etag: answer.etag,
      sent: service.requests.map((request) => [request.headers['idempotency-key'], request.headers['if-match'], request.body]),
    }).toEqual({
      etag: '"2"',
      sent: Array.from({ length: 3 }, () => ['add-exch01', '"1"', JSON.stringify(NEW_ENTRY)]),
    });
  });

  it('does not retry 429 and reports Retry-After when the service throttles', async () => {
    service.script(
      { status: 429, json: { code: 'THROTTLED', message: 'Too many sign-ins. Wait 30 seconds.' }, headers: { 'retry-after': '30' } },
      { json: SAMPLE_SESSION },
    );
    const error = (await client.session().catch((caught: unknown) => caught)) as ConnectorError;
    expect({ error: error.toJSON(), attempts: service.requests.length }).toEqual({
      error: { name: 'ConnectorError', code: 'THROTTLED', status: 429, retryAfterSeconds: 30, message: 'Too many sign-ins. Wait 30 seconds.' },
      attempts: 1,
    });
  });

  it('waits as long as Retry-After says when a 503 carries it', async () => {
    service.script({ ...UNAVAILABLE, headers: { 'retry-after': '1' } }, { json: SAMPLE_SESSION });
    const started = performance.now();
    await client.session();
    const waited = performance.now() - started;
    // Backoff alone waits at most 200 ms before the first retry.
    expect({ attempts: service.requests.length, honoured: waited >= 950 && waited < 5000 }).toEqual({ attempts: 2, honoured: true });
  });

  it('answers TIMEOUT after each attempt ran out of time when the service is too slow', async () => {
    const impatient = createConnectorClient({ baseUrl: service.url, proxy: 'none', retries: 1, timeoutMs: 150 });
    service.script({ delayMs: 2_000, json: SAMPLE_SESSION });
    const error = (await impatient.session().catch((caught: unknown) => caught)) as ConnectorError;
    await impatient.close();
    expect({ error: error.toJSON(), attempts: service.requests.length }).toEqual({
      error: {
        name: 'ConnectorError',
        code: 'TIMEOUT',
        message: `${service.url} did not answer within 150 ms. Check the address, that the service is running, the firewall; if this computer reaches it only through a web proxy, set the proxy. If the service is only slow, raise the timeout.`,
      },
      attempts: 2,
    });
  });

  it('answers CANCELLED without retrying when the caller aborts a GET', async () => {
    service.script({ delayMs: 2_000, json: SAMPLE_SESSION });
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 50);
    const error = (await client.session({ signal: controller.signal }).catch((caught: unknown) => caught)) as ConnectorError;
    expect({ code: error.code, attempts: service.requests.length }).toEqual({ code: 'CANCELLED', attempts: 1 });
  });

  it('answers CANCELLED when the caller aborts while the client waits to retry', async () => {
    service.script({ ...UNAVAILABLE, headers: { 'retry-after': '5' } }, { json: SAMPLE_SESSION });
    const controller = new AbortController();
    const call = client.session({ signal: controller.signal }).catch((caught: unknown) => caught);
    await until(() => service.requests.length === 1);
    // Let the 503 arrive, so the abort lands in the 5 s wait rather than in the request.
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    const error = (await call) as ConnectorError;
    expect({ code: error.code, attempts: service.requests.length }).toEqual({ code: 'CANCELLED', attempts: 1 });
  });

  it('answers CANCELLED without sending when the signal is already aborted', async () => {
    const error = (await client.session({ signal: AbortSignal.abort() }).catch((caught: unknown) => caught)) as ConnectorError;
    expect({ code: error.code, attempts: service.requests.length }).toEqual({ code: 'CANCELLED', attempts: 0 });
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !condition(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
}
