import { readFileSync } from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../connector/testing/closed-port.ts';
import { startFakeService, type FakeAnswer, type FakeService } from '../connector/testing/fake-service.ts';
import { createTestCertificates, type TestCertificates } from '../connector/testing/test-certificates.ts';
import { readTenantUrl, type ReadTenantUrlOptions } from './read-tenant-url.ts';

const TENANT = 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com';
const direct: ReadTenantUrlOptions = { proxy: 'none', timeoutMs: 5000 };

/** The tenant URL, or the error code. */
async function codeOrUrl(connectorUrl: string, options: ReadTenantUrlOptions = direct): Promise<string> {
  const reading = await readTenantUrl(connectorUrl, options);
  return reading.ok ? reading.tenantUrl : reading.error.code;
}

describe('readTenantUrl against a real loopback server', () => {
  let plain: FakeService;
  const answer = async (...answers: FakeAnswer[]): Promise<string> => {
    plain.script(...answers);
    return codeOrUrl(plain.url);
  };

  beforeAll(async () => {
    plain = await startFakeService();
  });
  afterAll(async () => {
    await plain.close();
  });

  it('GETs /_wmcs/GetRmsoUri.aspx and returns the URL without white space or a trailing slash', async () => {
    plain.requests.length = 0;
    const url = await answer({ text: `\uFEFF ${TENANT}/\r\n` });
    expect([url, plain.requests.map((request) => `${request.method} ${request.url}`)]).toEqual([TENANT, ['GET /_wmcs/GetRmsoUri.aspx']]);
  });

  it('accepts the page even when the connector labels it HTML', async () => {
    expect(await answer({ text: TENANT, headers: { 'content-type': 'text/html; charset=utf-8' } })).toBe(TENANT);
  });

  it.each<[string, FakeAnswer, string]>([
    ['an HTML page', { text: '<!DOCTYPE html><html><body>Sign in</body></html>', headers: { 'content-type': 'text/html' } }, 'NOT_A_URL'],
    ['an empty body', { text: '' }, 'NOT_A_URL'],
    ['a URL followed by injected registry lines', { text: `${TENANT}\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Evil]\r\n@="x"` }, 'NOT_A_URL'],
    ['a non-https URL', { text: 'http://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com' }, 'INVALID_TENANT_URL'],
    ['a javascript: URL', { text: 'javascript:alert(1)' }, 'INVALID_TENANT_URL'],
    ['a URL with a quote', { text: `${TENANT}"` }, 'INVALID_TENANT_URL'],
    ['a URL with user info', { text: 'https://user:pw@evil.example' }, 'INVALID_TENANT_URL'],
    ['more than the size limit', { text: `${TENANT}/${'a'.repeat(5000)}` }, 'TOO_LARGE'],
    ['a 404', { status: 404, text: 'Not found' }, 'HTTP_ERROR'],
    ['a 500', { status: 500, text: 'boom' }, 'HTTP_ERROR'],
    ['a request for Windows sign-in', { status: 401, headers: { 'www-authenticate': 'Negotiate, NTLM' }, text: '' }, 'WINDOWS_AUTH_REQUIRED'],
  ])('refuses %s', async (_label, fake, code) => {
    expect(await answer(fake)).toBe(code);
  });

  it('does not follow a redirect, and names where it pointed', async () => {
    plain.requests.length = 0;
    plain.script({ status: 302, headers: { location: 'https://evil.example/_wmcs/GetRmsoUri.aspx' }, text: '' });
    const reading = await readTenantUrl(plain.url, direct);
    expect([
      reading.ok ? reading.tenantUrl : [reading.error.code, reading.error.message.includes('redirected to https://evil.example/_wmcs/GetRmsoUri.aspx (302)')],
      plain.requests.length,
    ]).toEqual([['REDIRECTED', true], 1]);
  });

  it('gives up after the timeout when the connector does not answer', async () => {
    plain.script({ text: TENANT, delayMs: 3000 });
    expect(await codeOrUrl(plain.url, { ...direct, timeoutMs: 200 })).toBe('TIMEOUT');
  });

  it('says to type the tenant URL when nothing listens', async () => {
    const reading = await readTenantUrl(`http://127.0.0.1:${await closedPort()}`, direct);
    expect(
      reading.ok
        ? 'read'
        : [
            reading.error.code,
            reading.error.message.endsWith(
              'Or type the tenant URL: (Get-AipServiceConfiguration).LicensingIntranetDistributionPointUrl without /_wmcs/licensing.',
            ),
          ],
    ).toEqual(['UNREACHABLE', true]);
  });

  it('refuses a hostile connector URL without sending anything', async () => {
    plain.requests.length = 0;
    const codes = [await codeOrUrl(`${plain.url}/x?y#z`), await codeOrUrl('file:///etc/passwd'), await codeOrUrl(`http://u:p@127.0.0.1:${plain.port}`)];
    expect([codes, plain.requests.length]).toEqual([['INVALID_CONNECTOR_URL', 'INVALID_CONNECTOR_URL', 'INVALID_CONNECTOR_URL'], 0]);
  });
});

describe('readTenantUrl over HTTPS', () => {
  let certificates: TestCertificates;
  let service: FakeService;
  let elsewhere: FakeService;

  beforeAll(async () => {
    certificates = createTestCertificates();
    service = await startFakeService(certificates.server);
    elsewhere = await startFakeService(certificates.elsewhere);
    service.script({ text: TENANT });
    elsewhere.script({ text: TENANT });
  });
  afterAll(async () => {
    await Promise.all([service.close(), elsewhere.close()]);
    certificates.remove();
  });

  it('checks the certificate: untrusted without the CA, accepted with it, refused for another name', async () => {
    const caPem = readFileSync(certificates.caFile, 'utf8');
    const byName = `https://localhost:${service.port}`;
    expect([
      await codeOrUrl(byName),
      await codeOrUrl(byName, { ...direct, caPem }),
      await codeOrUrl(`https://localhost:${elsewhere.port}`, { ...direct, caPem }),
    ]).toEqual(['TLS_UNTRUSTED', TENANT, 'TLS_NAME_MISMATCH']);
  });
});

describe('readTenantUrl against an endless answer', () => {
  let server: http.Server;
  let sent = 0;
  const sockets = new Set<net.Socket>();

  beforeAll(async () => {
    // No Content-Length: the body streams until the reader hangs up.
    server = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(16 * 1024, 'a');
      const pump = (): void => {
        while (!response.destroyed && sent < 64 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      pump();
    });
    server.on('connection', (socket: net.Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  });

  it('stops reading at the size limit instead of buffering the whole stream', async () => {
    const { port } = server.address() as net.AddressInfo;
    const code = await codeOrUrl(`http://127.0.0.1:${port}`);
    expect([code, sent < 16 * 1024 * 1024]).toEqual(['TOO_LARGE', true]);
  });
});
