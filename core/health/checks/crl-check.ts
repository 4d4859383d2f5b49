import { readCertificateFacts, readCrlFacts } from '../certificate-facts.ts';
import type { HealthContext } from '../health-context.ts';
import type { HealthCheckDefinition } from '../health-runner.ts';
import type { CheckOutcome } from '../health-types.ts';
import { probeHttp } from '../probes/http-probe.ts';
import { fail, humanDuration, notRunOutcome, pass, quoted, utcDate, warn } from './outcomes.ts';
import { judgeEveryCertificate } from './presented-certificates.ts';

type PointResult = { readonly status: 'pass' | 'warn' | 'fail'; readonly text: string };

/**
 * The CRL distribution points of the certificate and its intermediates answer with a CRL.
 *
 * Measured from this computer: the servers that must reach them (Exchange, SharePoint) may
 * sit elsewhere, which the action says.
 */
export const certificateCrl: HealthCheckDefinition<HealthContext> = {
  code: 'TLS_CERT_CRL',
  title: 'The certificate revocation list can be downloaded',
  dependsOn: ['CONNECTOR_URL_RESOLVES'],
  run(context, signal) {
    // Addresses presenting the same certificate share its distribution points: read each once.
    const downloads = new Map<string, Promise<PointResult>>();
    const download = (point: string): Promise<PointResult> => {
      const started = downloads.get(point) ?? checkPoint(context, point, signal);
      downloads.set(point, started);
      return started;
    };
    return judgeEveryCertificate(context, (handshake) => crlOutcome(handshake.chain, download));
  },
};

async function crlOutcome(chain: readonly Buffer[], download: (point: string) => Promise<PointResult>): Promise<CheckOutcome> {
  const certificates = chain.map((der) => readCertificateFacts(der)).filter((facts) => !facts.selfIssued);
  const points = [...new Set(certificates.flatMap((facts) => facts.crlDistributionPoints))];
  const httpPoints = points.filter((point) => /^https?:\/\//i.test(point));
  const otherPoints = points.filter((point) => !httpPoints.includes(point));
  const skipped =
    otherPoints.length > 0
      ? ` Not checked: ${otherPoints.map(quoted).join(', ')} (LDAP and other non-HTTP distribution points are read by Windows from a domain member; this tool does not query them).`
      : '';
  if (points.length === 0) {
    const ocsp = certificates[0]?.ocspResponders ?? [];
    if (ocsp.length > 0) return pass(`The certificate has no CRL distribution point; revocation is published by OCSP at ${ocsp.map(quoted).join(', ')}.`);
    return warn(
      'The certificate has no CRL distribution point and no OCSP responder.',
      'Servers that check revocation cannot; issue the certificate from a CA that publishes a CRL (HTTP distribution point) reachable from the Exchange and SharePoint servers.',
    );
  }
  if (httpPoints.length === 0)
    return notRunOutcome(
      `Only non-HTTP distribution points: ${otherPoints.map(quoted).join(', ')}; this tool reads HTTP ones only.`,
      '',
      'Check from an Exchange or SharePoint server: certutil -url <certificate file>, "Retrieve CRLs".',
    );
  const results = await Promise.all(httpPoints.map(download));
  const measured = `${results.map((result) => result.text).join(' ')}${skipped} (measured from this computer)`;
  if (results.some((result) => result.status === 'fail')) {
    return fail(
      measured,
      "Publish the CRL at that address (or fix the CA's distribution point) and make sure the Exchange and SharePoint servers can reach it over HTTP: they refuse a connector certificate whose revocation they cannot check.",
    );
  }
  if (results.some((result) => result.status === 'warn'))
    return warn(measured, 'Publish a current CRL from the CA (certutil -crl on the issuing CA) and check the CDP serves it.');
  return pass(measured);
}

async function checkPoint(context: HealthContext, point: string, signal: AbortSignal): Promise<PointResult> {
  let url: URL;
  try {
    url = new URL(point);
  } catch {
    return { status: 'fail', text: `${quoted(point)} is not a URL.` };
  }
  const resolution = await context.resolve(url.hostname);
  if (!resolution.ok) return { status: 'fail', text: `${quoted(point)}: ${resolution.reason}.` };
  const answer = await probeHttp({
    url,
    address: resolution.addresses[0] ?? '',
    ca: context.ca,
    timeoutMs: context.requestTimeoutMs,
    maxBytes: context.maxCrlBytes,
    signal,
  });
  if (!answer.ok) return { status: 'fail', text: `${quoted(point)}: no answer (${answer.code}) after ${humanDuration(answer.durationMs)}.` };
  const head = `${quoted(point)}: HTTP ${String(answer.status)}, ${String(answer.body.length)} bytes in ${humanDuration(answer.durationMs)}`;
  if (answer.status !== 200) return { status: 'fail', text: `${head}.` };
  if (answer.truncated) return { status: 'pass', text: `${head}, larger than ${String(context.maxCrlBytes)} bytes (not parsed).` };
  const crl = readCrlFacts(answer.body);
  if (!crl.ok) return { status: 'warn', text: `${head}, but the answer is not a CRL (${crl.reason}).` };
  const next = crl.nextUpdate;
  if (next !== undefined && next.getTime() < context.now().getTime())
    return { status: 'warn', text: `${head}, a CRL whose next update was due ${utcDate(next)} (stale).` };
  return { status: 'pass', text: `${head}, a CRL from ${utcDate(crl.thisUpdate)}${next ? ` valid until ${utcDate(next)}` : ''}.` };
}
