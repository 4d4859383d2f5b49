import { createHash } from 'node:crypto';
import type { HealthContext } from '../health-context.ts';
import type { CheckOutcome } from '../health-types.ts';
import type { TlsProbeResult } from '../probes/tls-probe.ts';
import { combineAddressOutcomes, type AddressOutcome } from './address-outcomes.ts';
import { notRunOutcome } from './outcomes.ts';

/** A handshake that got as far as a certificate. */
export type CompletedHandshake = Extract<TlsProbeResult, { handshake: 'completed' }>;

/** Judges the certificate one address presented; `leaf` is `handshake.chain[0]`. */
export type CertificateJudge = (handshake: CompletedHandshake, leaf: Buffer) => CheckOutcome | Promise<CheckOutcome>;

/**
 * Judge the certificate every address of the connector name presents, and combine the
 * verdicts (a check passes only if every address passes).
 *
 * Not run, with the reason, for an http:// URL; an address whose handshake failed or that
 * sent no certificate is not measured there (TLS_PROTOCOL_MODERN reports the handshake).
 * The judge runs once per address, so a judge that downloads must share its downloads.
 */
export async function judgeEveryCertificate(context: HealthContext, judge: CertificateJudge): Promise<CheckOutcome> {
  if (context.connectorUrl.protocol !== 'https:')
    return notRunOutcome('The connector URL is http://: there is no certificate or TLS to check (see HTTP_PLAINTEXT).');
  const probes = await context.modernHandshakes();
  if (!probes.ok) return notRunOutcome(probes.reason);
  const entries = await Promise.all(
    probes.handshakes.map(async ({ address, result }): Promise<AddressOutcome> => {
      if (result.handshake === 'failed')
        return { address, outcome: notRunOutcome(`No TLS handshake with ${context.connectorUrl.host}: ${result.code} (see TLS_PROTOCOL_MODERN).`) };
      const [leaf] = result.chain;
      if (leaf === undefined) return { address, outcome: notRunOutcome('The server sent no certificate.') };
      return { address, outcome: await judge(result, leaf), certificate: createHash('sha256').update(leaf).digest('hex') };
    }),
  );
  return combineAddressOutcomes(context.connectorUrl.hostname, entries);
}
