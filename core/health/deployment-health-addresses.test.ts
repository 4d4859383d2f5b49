import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthReportSchema } from '../../contract/health.ts';
import { createCertificateAuthority, issueServerCertificate, type CertificateAuthority, type IssuedCertificate } from '../tls/issue-certificates.ts';
import type { HealthCheckResult, HealthReport } from './health-types.ts';
import { runDeploymentHealth } from './run-deployment-health.ts';
import {
  createCrl,
  startCrlServer,
  startHttpConnector,
  startHttpsConnector,
  startSilentServer,
  zoneResolver,
  type LoopbackAddress,
  type LoopbackServer,
} from './testing/loopback-servers.ts';

const HOST = 'rmsconnector.contoso.test';
const DAY = 86_400_000;
const LEGACY_CIPHERS = 'DEFAULT:@SECLEVEL=0';
const BOTH = `2 addresses of ${HOST} (127.0.0.1, 127.0.0.2)`;
const TLS_CODES = ['TLS_CERT_NAME', 'TLS_CERT_CHAIN', 'TLS_CERT_VALIDITY', 'TLS_CERT_CRL', 'TLS_PROTOCOL_MODERN', 'TLS_LEGACY_REFUSED'] as const;

type Start = (where: LoopbackAddress) => Promise<LoopbackServer>;

// Two nodes behind one name by round-robin DNS: 127.0.0.1 and 127.0.0.2 on one port. All of
// 127.0.0.0/8 is loopback on Linux (and Windows); macOS has only 127.0.0.1 unless aliased.
describe.skipIf(process.platform === 'darwin')('deployment health of a connector name with two addresses', () => {
  let ca: CertificateAuthority;
  let good: IssuedCertificate;
  let crlServer: LoopbackServer & { readonly requests: () => number };
  let crlUrl: string;
  const servers: LoopbackServer[] = [];

  const issue = (options: { commonName?: string; notBefore?: Date; notAfter?: Date; authority?: CertificateAuthority } = {}): Promise<IssuedCertificate> =>
    issueServerCertificate(options.authority ?? ca, {
      commonName: options.commonName ?? HOST,
      crlDistributionPoints: [crlUrl],
      ...(options.notBefore ? { notBefore: options.notBefore } : {}),
      ...(options.notAfter ? { notAfter: options.notAfter } : {}),
    });
  const https =
    (certificate: IssuedCertificate, tls: Parameters<typeof startHttpsConnector>[0]['tls'] = {}): Start =>
    (where) =>
      startHttpsConnector({ ...certificate, tls, ...where });

  /** Start `first` on 127.0.0.1, `second` on 127.0.0.2 with the same port (and more on .3 …), and run every check. */
  async function run(
    first: Start,
    second: Start,
    options: { requestTimeoutMs?: number; signal?: AbortSignal; more?: readonly Start[] } = {},
  ): Promise<{ report: HealthReport; results: Record<string, HealthCheckResult> }> {
    const one = await first({ host: '127.0.0.1' });
    servers.push(one);
    const addresses = ['127.0.0.1'];
    for (const [index, start] of [second, ...(options.more ?? [])].entries()) {
      const host = `127.0.0.${String(index + 2)}`;
      servers.push(await start({ host, port: one.port }));
      addresses.push(host);
    }
    const report = await runDeploymentHealth(
      { connectorUrl: `https://${HOST}:${String(one.port)}`, caPem: ca.certPem, serviceUnavailableReason: 'Sign in first.' },
      {
        dependencies: {
          resolver: zoneResolver({ [HOST]: addresses }),
          requestTimeoutMs: options.requestTimeoutMs ?? 3_000,
          legacyCiphers: LEGACY_CIPHERS,
        },
        signal: options.signal,
      },
    );
    // What main sends the console must still be a valid contract report.
    HealthReportSchema.parse({ ...report, results: [...report.results], loadBalancerChecklist: [], text: '' });
    return { report, results: Object.fromEntries(report.results.map((result) => [result.code, result])) };
  }
  const statuses = (results: Record<string, HealthCheckResult>) => TLS_CODES.map((code) => results[code]?.status);

  beforeAll(async () => {
    ca = await createCertificateAuthority({ commonName: 'Contoso Test Root CA' });
    const now = Date.now();
    crlServer = await startCrlServer(await createCrl(ca, { thisUpdate: new Date(now - DAY), nextUpdate: new Date(now + 7 * DAY) }));
    crlUrl = `http://127.0.0.1:${String(crlServer.port)}/contoso-root.crl`;
    good = await issue();
  });
  afterAll(async () => {
    await Promise.all([crlServer.close(), ...servers.map((server) => server.close())]);
  });

  it('passes every TLS check, saying each fact once, when both addresses present the same good certificate', async () => {
    const crlReads = crlServer.requests();
    const { results } = await run(https(good), https(good));
    expect(statuses(results)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(results.TLS_CERT_NAME).toMatchObject({
      measured: `All ${BOTH} present the same certificate. ${HOST} is named by the SAN ${HOST}.`,
      action: '',
      addresses: [
        { address: '127.0.0.1', status: 'pass', measured: `${HOST} is named by the SAN ${HOST}.` },
        { address: '127.0.0.2', status: 'pass', measured: `${HOST} is named by the SAN ${HOST}.` },
      ],
    });
    expect(results.TLS_CERT_VALIDITY?.measured).toMatch(
      new RegExp(`^All ${escape(BOTH)} present the same certificate\\. Valid from [^.]+: \\d+ day\\(s\\) left\\.$`),
    );
    expect(results.TLS_PROTOCOL_MODERN?.measured).toMatch(
      new RegExp(`^All ${escape(BOTH)} answer alike\\. TLSv1\\.3 with \\S+\\. Handshake times: 127\\.0\\.0\\.1 .+, 127\\.0\\.0\\.2 .+\\.$`),
    );
    expect(results.TLS_LEGACY_REFUSED?.measured).toMatch(new RegExp(`^All ${escape(BOTH)} answer alike\\. TLS 1\\.0 refused \\(.+\\); TLS 1\\.1 refused`));
    // One certificate, one distribution point: the CRL is read once, not once per address.
    expect(crlServer.requests() - crlReads).toBe(1);
  });

  it('fails the validity check naming 127.0.0.2 when only that address presents an expired certificate', async () => {
    const expired = await issue({ notBefore: new Date(Date.now() - 60 * DAY), notAfter: new Date(Date.now() - DAY) });
    const { results } = await run(https(good), https(expired));
    expect(statuses(results)).toEqual(['pass', 'pass', 'fail', 'pass', 'pass', 'pass']);
    expect(results.TLS_CERT_VALIDITY?.measured).toMatch(
      new RegExp(
        `^The ${escape(BOTH)} differ\\. 127\\.0\\.0\\.2: Valid from [^:]+:\\d\\d UTC to [^:]+:\\d\\d UTC: expired (1 d|2\\d h) ago\\. 127\\.0\\.0\\.1: Valid from .+: \\d+ day\\(s\\) left\\.$`,
      ),
    );
    expect(results.TLS_CERT_VALIDITY?.action).toContain(
      `Every node and load-balancer address behind ${HOST} must present the same certificate with the same TLS settings: make 127.0.0.2 match 127.0.0.1.`,
    );
    expect(results.TLS_CERT_VALIDITY?.addresses?.map((entry) => [entry.address, entry.status])).toEqual([
      ['127.0.0.1', 'pass'],
      ['127.0.0.2', 'fail'],
    ]);
    expect(results.TLS_CERT_NAME?.measured).toBe(`All ${BOTH} answer alike, with different certificates. ${HOST} is named by the SAN ${HOST}.`);
  });

  it('fails the name check naming 127.0.0.2 when only that address presents a certificate for another name', async () => {
    const { results } = await run(https(good), https(await issue({ commonName: 'other.contoso.test' })));
    expect(statuses(results)).toEqual(['fail', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(results.TLS_CERT_NAME?.measured).toBe(
      `The ${BOTH} differ. 127.0.0.2: ${HOST} is not named: the SAN names other.contoso.test. 127.0.0.1: ${HOST} is named by the SAN ${HOST}.`,
    );
    expect(results.TLS_CERT_NAME?.action).toMatch(
      /^Issue a server-authentication certificate whose subject alternative names include .+ make 127\.0\.0\.2 match 127\.0\.0\.1\.$/,
    );
  });

  it('fails the chain check naming 127.0.0.2 when only that address presents a certificate from an untrusted CA', async () => {
    const otherCa = await createCertificateAuthority({ commonName: 'Untrusted Test CA' });
    const { results } = await run(https(good), https(await issue({ authority: otherCa })));
    expect(results.TLS_CERT_CHAIN).toMatchObject({
      status: 'fail',
      measured: expect.stringContaining(`differ. 127.0.0.2: Not trusted by the system trust store and the given CA file: UNABLE_TO_VERIFY_LEAF_SIGNATURE`),
    });
  });

  it('fails the legacy check naming 127.0.0.2 when only that address still accepts TLS 1.0 and 1.1', async () => {
    const { results } = await run(https(good), https(good, { minVersion: 'TLSv1', maxVersion: 'TLSv1.3', ciphers: LEGACY_CIPHERS }));
    expect(statuses(results)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'fail']);
    expect(results.TLS_LEGACY_REFUSED?.measured).toMatch(
      new RegExp(
        `^The ${escape(BOTH)} differ\\. 127\\.0\\.0\\.2: TLS 1\\.0 accepted \\(TLSv1\\); TLS 1\\.1 accepted \\(TLSv1\\.1\\)\\. 127\\.0\\.0\\.1: TLS 1\\.0 refused`,
      ),
    );
    expect(results.TLS_LEGACY_REFUSED?.action).toMatch(/^Disable TLS 1\.0 and TLS 1\.1 on every connector node .+ make 127\.0\.0\.2 match 127\.0\.0\.1\.$/);
  });

  it('fails the protocol check naming 127.0.0.2 when that address refuses TLS, and does not pass the certificate checks', async () => {
    const { results } = await run(https(good), (where) => startHttpConnector(where));
    expect(statuses(results)).toEqual(['not-run', 'not-run', 'not-run', 'not-run', 'fail', 'pass']);
    expect(results.TLS_PROTOCOL_MODERN?.measured).toMatch(
      new RegExp(
        `^The ${escape(BOTH)} differ\\. 127\\.0\\.0\\.2: No TLS 1\\.2 or 1\\.3 handshake with ${escape(HOST)}:\\d+: \\S+ \\(.+\\)\\. 127\\.0\\.0\\.1: TLSv1\\.3 with `,
      ),
    );
    expect(results.TLS_CERT_NAME).toMatchObject({
      notRunReason: expect.stringMatching(/^Not measured on every address\. 127\.0\.0\.2: No TLS handshake with .+ \(see TLS_PROTOCOL_MODERN\)\.$/),
      measured: expect.stringContaining(`127.0.0.1: ${HOST} is named by the SAN ${HOST}.`),
    });
  });

  it('names hung addresses within one request timeout, probing every address at once', async () => {
    const silent: Start = (where) => startSilentServer(where);
    const { results } = await run(https(good), silent, { requestTimeoutMs: 2_000, more: [silent, silent] });
    expect(results.TLS_PROTOCOL_MODERN).toMatchObject({
      status: 'fail',
      measured: expect.stringMatching(
        / differ\. 127\.0\.0\.2, 127\.0\.0\.3, 127\.0\.0\.4: No TLS 1\.2 or 1\.3 handshake with .+: ETIMEDOUT \(.+\)\. 127\.0\.0\.1: TLSv1\.3 with /,
      ),
    });
    expect(results.TLS_LEGACY_REFUSED).toMatchObject({
      status: 'not-run',
      notRunReason: expect.stringContaining('127.0.0.2, 127.0.0.3, 127.0.0.4: The legacy handshakes could not reach the server.'),
    });
    // One after the other, the three hung addresses would take three timeouts (6 s); at once, one
    // (2 s), with room for two loaded cores below two timeouts.
    expect(results.TLS_PROTOCOL_MODERN?.durationMs).toBeLessThan(4_000);
    expect(results.TLS_LEGACY_REFUSED?.durationMs).toBeLessThan(4_000);
  });

  it('ends the probes and reports not-run when the run is cancelled while an address hangs', async () => {
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 400);
    const started = performance.now();
    const { report, results } = await run(https(good), (where) => startSilentServer(where), { requestTimeoutMs: 10_000, signal: controller.signal });
    expect({ cancelled: report.cancelled, statuses: statuses(results) }).toEqual({
      cancelled: true,
      statuses: ['not-run', 'not-run', 'not-run', 'not-run', 'not-run', 'not-run'],
    });
    // Cancelled at 0.4 s; without the cancel the hung address would hold the run for 10 s.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
