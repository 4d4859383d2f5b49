import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectorClient } from './connector-client.ts';
import type { ConnectorClientOptions } from './client-options.ts';
import { ConnectorError } from './connector-error.ts';
import { startFakeService } from './testing/fake-service.ts';
import type { FakeService } from './testing/fake-service.ts';
import { SAMPLE_SESSION } from './testing/sample-answers.ts';
import { createTestCertificates } from './testing/test-certificates.ts';
import type { TestCertificates } from './testing/test-certificates.ts';

/** The session a client reads, or the code it fails with. */
async function sessionOrCode(options: ConnectorClientOptions): Promise<unknown> {
  const client = createConnectorClient({ proxy: 'none', retries: 0, ...options });
  try {
    return await client.session();
  } catch (error) {
    return error instanceof ConnectorError ? error.code : error;
  } finally {
    await client.close();
  }
}

describe('connector-client over HTTPS', () => {
  let certificates: TestCertificates;
  let service: FakeService;
  let elsewhere: FakeService;

  beforeAll(async () => {
    certificates = createTestCertificates();
    service = await startFakeService(certificates.server);
    elsewhere = await startFakeService(certificates.elsewhere);
    service.script({ json: SAMPLE_SESSION });
    elsewhere.script({ json: SAMPLE_SESSION });
  });

  afterAll(async () => {
    await Promise.all([service.close(), elsewhere.close()]);
    certificates.remove();
  });

  it('refuses the certificate with TLS_UNTRUSTED when its CA is not given', async () => {
    const client = createConnectorClient({ baseUrl: service.url, proxy: 'none', retries: 0 });
    const error = (await client.session().catch((caught: unknown) => caught)) as ConnectorError;
    await client.close();
    expect(error.toJSON()).toEqual({
      name: 'ConnectorError',
      code: 'TLS_UNTRUSTED',
      message: `The certificate of ${service.url} is not trusted (unable to verify the first certificate). Give the CA file of the certificate authority that issued it (for an enterprise CA, export its root certificate as Base-64 .cer/.pem).`,
    });
  });

  it('accepts the certificate by IP and by name when its CA file is given', async () => {
    const byName = `https://localhost:${service.port}`;
    expect([
      await sessionOrCode({ baseUrl: service.url, caFile: certificates.caFile }),
      await sessionOrCode({ baseUrl: byName, caFile: certificates.caFile }),
    ]).toEqual([SAMPLE_SESSION, SAMPLE_SESSION]);
  });

  it('answers TLS_NAME_MISMATCH when the trusted certificate names another host', async () => {
    expect(await sessionOrCode({ baseUrl: elsewhere.url, caFile: certificates.caFile })).toEqual('TLS_NAME_MISMATCH');
  });

  it.each([
    ['missing', '/nonexistent/ca.pem', 'it does not exist or this account cannot read it'],
    ['not a PEM certificate', import.meta.filename, 'it holds no PEM (Base-64 encoded X.509) certificate'],
    ['a device', '/dev/zero', 'it is not a regular file (a device, pipe, socket or folder)'],
  ])('answers INVALID_OPTIONS at the first call when the CA file is %s', async (_label, caFile, reason) => {
    const client = createConnectorClient({ baseUrl: 'https://connector.contoso.com', proxy: 'none', caFile });
    let caught: unknown;
    try {
      await client.session();
    } catch (error) {
      caught = error;
    } finally {
      await client.close();
    }
    expect((caught as ConnectorError).toJSON()).toEqual({
      name: 'ConnectorError',
      code: 'INVALID_OPTIONS',
      message: `The CA file "${caFile}" cannot be used: ${reason}. Give a PEM (Base-64 encoded X.509) certificate file of at most 1 MiB.`,
    });
  });

  it('trusts a CA given as PEM text', async () => {
    expect(await sessionOrCode({ baseUrl: service.url, caPem: certificates.caPem })).toEqual(SAMPLE_SESSION);
  });
});
