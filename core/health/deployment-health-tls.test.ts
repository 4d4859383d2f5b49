import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../connector/testing/closed-port.ts';
import { createCertificateAuthority, issueServerCertificate, type CertificateAuthority, type IssuedCertificate } from '../tls/issue-certificates.ts';
import type { HealthReport } from './health-types.ts';
import { runDeploymentHealth } from './run-deployment-health.ts';
import { createCrl, startCrlServer, startHttpsConnector, zoneResolver, type LoopbackServer } from './testing/loopback-servers.ts';

const HOST = 'rmsconnector.contoso.test';
const DAY = 86_400_000;
const resolver = zoneResolver({ [HOST]: ['127.0.0.1'] });
const LEGACY_CIPHERS = 'DEFAULT:@SECLEVEL=0';

describe('deployment health against loopback HTTPS connectors', () => {
  let ca: CertificateAuthority;
  let otherCa: CertificateAuthority;
  let crlServer: LoopbackServer;
  let crlUrl: string;
  const servers: LoopbackServer[] = [];

  const issue = (
    options: { commonName?: string; notBefore?: Date; notAfter?: Date; crl?: string[]; authority?: CertificateAuthority } = {},
  ): Promise<IssuedCertificate> =>
    issueServerCertificate(options.authority ?? ca, {
      commonName: options.commonName ?? HOST,
      crlDistributionPoints: options.crl ?? [crlUrl],
      ...(options.notBefore ? { notBefore: options.notBefore } : {}),
      ...(options.notAfter ? { notAfter: options.notAfter } : {}),
    });

  async function check(
    certificate: IssuedCertificate,
    tls: Parameters<typeof startHttpsConnector>[0]['tls'] = {},
    legacyCiphers = LEGACY_CIPHERS,
  ): Promise<Record<string, { status: string; measured: string; notRunReason?: string }>> {
    const server = await startHttpsConnector({ ...certificate, tls });
    servers.push(server);
    const report: HealthReport = await runDeploymentHealth(
      { connectorUrl: `https://${HOST}:${String(server.port)}`, caPem: ca.certPem, serviceUnavailableReason: 'Sign in first.' },
      { dependencies: { resolver, requestTimeoutMs: 3_000, legacyCiphers } },
    );
    return Object.fromEntries(
      report.results.map((result) => [
        result.code,
        { status: result.status, measured: result.measured, ...(result.notRunReason ? { notRunReason: result.notRunReason } : {}) },
      ]),
    );
  }

  beforeAll(async () => {
    ca = await createCertificateAuthority({ commonName: 'Contoso Test Root CA' });
    otherCa = await createCertificateAuthority({ commonName: 'Untrusted Test CA' });
    const now = Date.now();
    crlServer = await startCrlServer(await createCrl(ca, { thisUpdate: new Date(now - DAY), nextUpdate: new Date(now + 7 * DAY) }));
    crlUrl = `http://127.0.0.1:${String(crlServer.port)}/contoso-root.crl`;
  });
  afterAll(async () => {
    await Promise.all([crlServer.close(), ...servers.map((server) => server.close())]);
  });

  it('passes every TLS check for a good certificate on a TLS 1.2+ server', async () => {
    const results = await check(await issue());
    expect(Object.fromEntries(Object.entries(results).map(([code, result]) => [code, result.status]))).toMatchObject({
      CONNECTOR_URL_RESOLVES: 'pass',
      VERIFICATION_PAGE_URL: 'pass',
      HTTP_PLAINTEXT: 'pass',
      TLS_CERT_NAME: 'pass',
      TLS_CERT_CHAIN: 'pass',
      TLS_CERT_VALIDITY: 'pass',
      TLS_CERT_CRL: 'pass',
      TLS_PROTOCOL_MODERN: 'pass',
      TLS_LEGACY_REFUSED: 'pass',
      NODES_AT_LEAST_TWO: 'not-run',
      LOAD_BALANCER_GUIDANCE: 'not-run',
    });
    expect(results.TLS_CERT_NAME?.measured).toBe(`${HOST} is named by the SAN ${HOST}.`);
    expect(results.TLS_PROTOCOL_MODERN?.measured).toMatch(/^TLSv1\.3 with /);
    expect(results.TLS_CERT_CRL?.measured).toContain('HTTP 200');
    expect(results.TLS_LEGACY_REFUSED?.measured).toMatch(/^TLS 1\.0 refused \(.+\); TLS 1\.1 refused/);
    expect(results.NODES_AT_LEAST_TWO?.notRunReason).toBe('Sign in first.');
  });

  it('fails the name check for a certificate that names another host, and keeps the chain check apart', async () => {
    const results = await check(await issue({ commonName: 'other.contoso.test' }));
    expect([results.TLS_CERT_NAME?.status, results.TLS_CERT_CHAIN?.status, results.VERIFICATION_PAGE_URL?.status]).toEqual(['fail', 'pass', 'fail']);
    expect(results.TLS_CERT_NAME?.measured).toBe(`${HOST} is not named: the SAN names other.contoso.test.`);
  });

  it('fails validity for an expired certificate, while the chain is still judged trusted', async () => {
    const results = await check(await issue({ notBefore: new Date(Date.now() - 60 * DAY), notAfter: new Date(Date.now() - DAY) }));
    expect([results.TLS_CERT_VALIDITY?.status, results.TLS_CERT_CHAIN?.status]).toEqual(['fail', 'pass']);
    expect(results.TLS_CERT_VALIDITY?.measured).toMatch(/expired 1 d ago|expired 2\d h ago/);
  });

  it('warns when the certificate ends within 30 days', async () => {
    const results = await check(await issue({ notAfter: new Date(Date.now() + 10 * DAY) }));
    expect(results.TLS_CERT_VALIDITY).toMatchObject({ status: 'warn', measured: expect.stringMatching(/: (9|10) day\(s\) left\.$/) });
  });

  it('fails the chain check for a certificate from a CA nobody trusts', async () => {
    const results = await check(await issue({ authority: otherCa }));
    expect(results.TLS_CERT_CHAIN).toMatchObject({
      status: 'fail',
      measured: expect.stringContaining('Not trusted by the system trust store and the given CA file: UNABLE_TO_VERIFY_LEAF_SIGNATURE'),
    });
    expect(results.TLS_CERT_NAME?.status).toBe('pass');
  });

  it('fails the CRL check when the distribution point does not answer, and skips LDAP ones with the reason', async () => {
    const unreachable = `http://127.0.0.1:${String(await closedPort())}/gone.crl`;
    const results = await check(await issue({ crl: [unreachable] }));
    expect(results.TLS_CERT_CRL).toMatchObject({ status: 'fail', measured: expect.stringContaining(`"${unreachable}": no answer (ECONNREFUSED)`) });
    const ldap = await check(
      await issue({
        crl: ['ldap:///CN=Contoso%20Root,CN=CDP,CN=Public%20Key%20Services,CN=Services,CN=Configuration,DC=contoso,DC=test?certificateRevocationList?base'],
      }),
    );
    expect(ldap.TLS_CERT_CRL).toMatchObject({ status: 'not-run', notRunReason: expect.stringContaining('Only non-HTTP distribution points') });
  });

  it('fails both protocol checks against a server that speaks only TLS 1.0 and 1.1', async () => {
    const results = await check(await issue(), { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: LEGACY_CIPHERS });
    expect([results.TLS_PROTOCOL_MODERN?.status, results.TLS_LEGACY_REFUSED?.status, results.TLS_CERT_NAME?.status]).toEqual(['fail', 'fail', 'not-run']);
    expect(results.TLS_LEGACY_REFUSED?.measured).toBe('TLS 1.0 accepted (TLSv1); TLS 1.1 accepted (TLSv1.1).');
  });

  it('fails the legacy check against a server that still accepts TLS 1.0 beside 1.3', async () => {
    const results = await check(await issue(), { minVersion: 'TLSv1', maxVersion: 'TLSv1.3', ciphers: LEGACY_CIPHERS });
    expect([results.TLS_PROTOCOL_MODERN?.status, results.TLS_LEGACY_REFUSED?.status]).toEqual(['pass', 'fail']);
  });

  it('reports not-run, with the reason, when this computer cannot offer TLS 1.0/1.1 at all', async () => {
    // OpenSSL 3 at its default security level refuses to offer TLS 1.0/1.1, as Debian's does.
    const results = await check(await issue(), { minVersion: 'TLSv1', maxVersion: 'TLSv1.3', ciphers: LEGACY_CIPHERS }, 'DEFAULT');
    expect(results.TLS_LEGACY_REFUSED).toMatchObject({
      status: 'not-run',
      notRunReason: expect.stringContaining('cannot offer TLS 1.0 or 1.1'),
      measured: expect.stringContaining('ERR_SSL_NO_PROTOCOLS_AVAILABLE'),
    });
  });
});
