import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startForwardProxy, type ForwardProxy } from '../connector/testing/forward-proxy.ts';
import { createCertificateAuthority, issueServerCertificate, type CertificateAuthority } from '../tls/issue-certificates.ts';
import { HealthInputError } from './connector-url.ts';
import type { HealthInput } from './health-context.ts';
import type { HealthReport } from './health-types.ts';
import { runDeploymentHealth } from './run-deployment-health.ts';
import { startHttpConnector, startHttpsConnector, zoneResolver, type LoopbackServer } from './testing/loopback-servers.ts';

const HOST = 'rmsconnector.contoso.test';
const resolver = zoneResolver({ [HOST]: ['127.0.0.1'], 'proxy.contoso.test': ['127.0.0.1'] });
const byCode = (report: HealthReport) => Object.fromEntries(report.results.map((result) => [result.code, result]));

describe('deployment health over plain HTTP, DNS and a proxy', () => {
  let ca: CertificateAuthority;
  let tenant: LoopbackServer;
  let connector: LoopbackServer;
  let proxy: ForwardProxy;
  let refusingProxy: ForwardProxy;
  const run = (input: Partial<HealthInput>, signal?: AbortSignal): Promise<HealthReport> =>
    runDeploymentHealth(
      { connectorUrl: `http://${HOST}:${String(connector.port)}`, caPem: ca.certPem, ...input },
      { dependencies: { resolver, requestTimeoutMs: 3_000 }, signal },
    );

  beforeAll(async () => {
    ca = await createCertificateAuthority({ commonName: 'Contoso Test Root CA' });
    // The tenant's RMS service, reachable only as 127.0.0.1 so the proxy needs no test DNS.
    tenant = await startHttpsConnector({ ...(await issueServerCertificate(ca, { commonName: 'localhost', ipAddresses: ['127.0.0.1'] })) });
    connector = await startHttpConnector({ tenantUrl: `https://127.0.0.1:${String(tenant.port)}` });
    proxy = await startForwardProxy();
    refusingProxy = await startForwardProxy({ refuseConnect: true });
  });
  afterAll(async () => {
    await Promise.all([tenant.close(), connector.close(), proxy.close(), refusingProxy.close()]);
  });

  it('warns about plain HTTP and does not run the TLS checks, saying why', async () => {
    const results = byCode(await run({}));
    expect([results.HTTP_PLAINTEXT?.status, results.VERIFICATION_PAGE_URL?.status, results.TLS_CERT_NAME?.status, results.TLS_LEGACY_REFUSED?.status]).toEqual([
      'warn',
      'pass',
      'not-run',
      'not-run',
    ]);
    expect(results.TLS_CERT_NAME?.notRunReason).toBe('The connector URL is http://: there is no certificate or TLS to check (see HTTP_PLAINTEXT).');
  });

  it('fails resolution for a name not in DNS and skips everything that needs it', async () => {
    const results = byCode(await run({ connectorUrl: 'https://missing.contoso.test' }));
    expect(results.CONNECTOR_URL_RESOLVES).toMatchObject({ status: 'fail', measured: 'missing.contoso.test is not in DNS (ENOTFOUND).' });
    expect(results.TLS_CERT_CHAIN).toMatchObject({
      status: 'not-run',
      notRunReason: 'Not run: "The connector URL resolves and answers" (CONNECTOR_URL_RESOLVES) did not pass.',
    });
  });

  it('tunnels through the proxy to the tenant URL the connector names, and verifies the tenant certificate', async () => {
    const results = byCode(await run({ proxyAddress: `http://proxy.contoso.test:${String(proxy.port)}` }));
    expect([results.PROXY_ADDRESS_FORMAT?.status, results.PROXY_OUTBOUND?.status]).toEqual(['pass', 'pass']);
    expect(results.PROXY_OUTBOUND?.measured).toMatch(
      /from this computer \(not from the connector nodes\) to 127\.0\.0\.1:\d+: tunnel in .+, TLSv1\.3 handshake in /,
    );
    expect(proxy.records).toContainEqual({ kind: 'tunnel', target: `127.0.0.1:${String(tenant.port)}` });
  });

  it('fails the outbound check when the proxy refuses the tunnel or the tenant certificate is not trusted', async () => {
    const refused = byCode(await run({ proxyAddress: `http://proxy.contoso.test:${String(refusingProxy.port)}` }));
    expect(refused.PROXY_OUTBOUND).toMatchObject({ status: 'fail', measured: expect.stringContaining('the proxy refused the tunnel with HTTP 403') });
    const untrusted = byCode(await run({ proxyAddress: `http://proxy.contoso.test:${String(proxy.port)}`, caPem: undefined }));
    expect(untrusted.PROXY_OUTBOUND).toMatchObject({
      status: 'fail',
      measured: expect.stringContaining('TLS handshake with 127.0.0.1 failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE)'),
    });
  });

  it('refuses a connector URL it cannot use before connecting', async () => {
    await expect(run({ connectorUrl: 'https://rmsconnector.contoso.test/_wmcs' })).rejects.toBeInstanceOf(HealthInputError);
  });

  it('returns a report marked cancelled when the run is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const report = await run({}, controller.signal);
    expect({ cancelled: report.cancelled, statuses: [...new Set(report.results.map((result) => result.status))] }).toEqual({
      cancelled: true,
      statuses: ['not-run'],
    });
  });
});
