import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConnectorClient } from './connector-client.ts';
import type { ConnectorClientOptions } from './client-options.ts';
import { ConnectorError } from './connector-error.ts';
import { closedPort } from './testing/closed-port.ts';
import { startFakeService } from './testing/fake-service.ts';
import type { FakeService } from './testing/fake-service.ts';
import { startForwardProxy } from './testing/forward-proxy.ts';
import type { ForwardProxy } from './testing/forward-proxy.ts';
import { SAMPLE_SESSION } from './testing/sample-answers.ts';
import { createTestCertificates } from './testing/test-certificates.ts';
import type { TestCertificates } from './testing/test-certificates.ts';

/** The session a client reads, and what the proxy forwarded to get it. */
async function readSession(options: ConnectorClientOptions): Promise<unknown> {
  const client = createConnectorClient({ retries: 0, ...options });
  try {
    return await client.session();
  } catch (error) {
    return error instanceof ConnectorError ? error.toJSON() : error;
  } finally {
    await client.close();
  }
}

/** The error creating a client fails with, in its printable form. */
function creationFailure(options: ConnectorClientOptions): unknown {
  try {
    createConnectorClient(options);
  } catch (error) {
    return error instanceof ConnectorError ? error.toJSON() : error;
  }
  return 'created';
}

describe('connector-client through a web proxy', () => {
  let certificates: TestCertificates;
  let plain: FakeService;
  let secure: FakeService;
  let proxy: ForwardProxy;

  beforeAll(async () => {
    certificates = createTestCertificates();
    plain = await startFakeService();
    secure = await startFakeService(certificates.server);
    plain.script({ json: SAMPLE_SESSION });
    secure.script({ json: SAMPLE_SESSION });
  });

  afterAll(async () => {
    await Promise.all([plain.close(), secure.close()]);
    certificates.remove();
  });

  beforeEach(async () => {
    proxy = await startForwardProxy();
  });

  afterEach(async () => {
    await proxy.close();
  });

  it('forwards an http:// request in absolute form when the proxy is given', async () => {
    expect({ session: await readSession({ baseUrl: plain.url, proxy: { url: proxy.url } }), forwarded: proxy.records }).toEqual({
      session: SAMPLE_SESSION,
      forwarded: [{ kind: 'forward', method: 'GET', target: `${plain.url}/v1/session` }],
    });
  });

  it('tunnels an https:// request with CONNECT and still checks the certificate when the proxy is given', async () => {
    const session = await readSession({ baseUrl: secure.url, proxy: { url: proxy.url }, caFile: certificates.caFile });
    const refused = await readSession({ baseUrl: secure.url, proxy: { url: proxy.url } });
    expect({ session, refused: (refused as { code: string }).code, forwarded: proxy.records }).toEqual({
      session: SAMPLE_SESSION,
      refused: 'TLS_UNTRUSTED',
      forwarded: [
        { kind: 'tunnel', target: `127.0.0.1:${secure.port}` },
        { kind: 'tunnel', target: `127.0.0.1:${secure.port}` },
      ],
    });
  });

  it('uses HTTPS_PROXY and HTTP_PROXY from the env option when the proxy setting is environment', async () => {
    const environment = { HTTPS_PROXY: proxy.url, http_proxy: proxy.url };
    const sessions = [
      await readSession({ baseUrl: secure.url, caFile: certificates.caFile, env: environment }),
      await readSession({ baseUrl: plain.url, env: environment, proxy: 'environment' }),
    ];
    expect({ sessions, forwarded: proxy.records }).toEqual({
      sessions: [SAMPLE_SESSION, SAMPLE_SESSION],
      forwarded: [
        { kind: 'tunnel', target: `127.0.0.1:${secure.port}` },
        { kind: 'forward', method: 'GET', target: `${plain.url}/v1/session` },
      ],
    });
  });

  it('goes direct when NO_PROXY names the service host', async () => {
    const session = await readSession({ baseUrl: secure.url, caFile: certificates.caFile, env: { HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' } });
    expect({ session, forwarded: proxy.records }).toEqual({ session: SAMPLE_SESSION, forwarded: [] });
  });

  it('ignores proxy variables of process.env when the env option is given', async () => {
    const saved = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = 'http://127.0.0.1:9';
    try {
      expect(await readSession({ baseUrl: plain.url, env: {} })).toEqual(SAMPLE_SESSION);
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = saved;
    }
  });

  it.each([
    ['given', 'https://127.0.0.1:1', (url: string) => ({ proxy: { url } })],
    ['given, for an http:// service', 'http://127.0.0.1:1', (url: string) => ({ proxy: { url } })],
    ['from HTTPS_PROXY', 'https://127.0.0.1:1', (url: string) => ({ env: { HTTPS_PROXY: url } })],
  ])('answers PROXY_FAILED naming the proxy when the proxy %s is down', async (_label, baseUrl, proxySetting) => {
    const port = await closedPort();
    expect(await readSession({ baseUrl, ...proxySetting(`http://127.0.0.1:${port}`) })).toEqual({
      name: 'ConnectorError',
      code: 'PROXY_FAILED',
      message: `The web proxy http://127.0.0.1:${port} could not be reached (connect ECONNREFUSED 127.0.0.1:${port}). Check the proxy address (the proxy setting, or HTTPS_PROXY/HTTP_PROXY) and that the proxy is running, or choose no proxy if ${baseUrl} is reachable directly.`,
    });
  });

  it('answers PROXY_FAILED with the proxy answer when it refuses the tunnel', async () => {
    const refusing = await startForwardProxy({ refuseConnect: true });
    const failure = await readSession({ baseUrl: secure.url, caFile: certificates.caFile, proxy: { url: refusing.url } });
    await refusing.close();
    expect(failure).toEqual({
      name: 'ConnectorError',
      code: 'PROXY_FAILED',
      message: `The web proxy ${refusing.url} did not open a connection to ${secure.url} (it answered 403). Ask for connections to ${secure.url} to be allowed.`,
    });
  });

  it.each([
    [
      'an https:// proxy',
      'https://proxy.contoso.com:3128',
      'The proxy setting "https://proxy.contoso.com:3128" is not an http:// proxy address. Give it as http://proxy.example.com:3128.',
    ],
    [
      'a SOCKS proxy',
      'socks5://proxy.contoso.com:1080',
      'The proxy setting "socks5://proxy.contoso.com:1080" is not an http:// proxy address. Give it as http://proxy.example.com:3128.',
    ],
    [
      'credentials',
      'http://admin:S3cret!@proxy.contoso.com:3128',
      'The proxy setting carries a user name or password, which this client does not send. Give it as http://proxy.example.com:3128.',
    ],
    ['a bare host', 'proxy.contoso.com', 'The proxy setting is not a URL. Give it as http://proxy.example.com:3128.'],
    [
      'a path',
      'http://proxy.contoso.com:3128/pac',
      'The proxy setting "http://proxy.contoso.com:3128/pac" has a path or query; a proxy address is only a host and port. Give it as http://proxy.example.com:3128.',
    ],
  ])('refuses %s at client creation when the proxy is given', (_label, url, message) => {
    expect(creationFailure({ baseUrl: 'https://connector.contoso.com', proxy: { url } })).toEqual({ name: 'ConnectorError', code: 'INVALID_OPTIONS', message });
  });

  it('refuses the proxy variable at client creation, naming it, when it is malformed', () => {
    expect(creationFailure({ baseUrl: 'https://connector.contoso.com', env: { https_proxy: 'ftp://proxy:21' } })).toEqual({
      name: 'ConnectorError',
      code: 'INVALID_OPTIONS',
      message: 'The https_proxy environment variable "ftp://proxy:21" is not an http:// proxy address. Give it as http://proxy.example.com:3128.',
    });
  });
});
