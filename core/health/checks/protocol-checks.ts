import type tls from 'node:tls';
import type { HealthContext } from '../health-context.ts';
import type { HealthCheckDefinition } from '../health-runner.ts';
import type { CheckOutcome } from '../health-types.ts';
import { probeTls } from '../probes/tls-probe.ts';
import { combineAddressOutcomes } from './address-outcomes.ts';
import { fail, humanDuration, notRunOutcome, pass, warn } from './outcomes.ts';

/** Errors raised by this computer before anything was sent: it cannot offer the protocol. */
const CANNOT_OFFER = new Set(['ERR_SSL_NO_PROTOCOLS_AVAILABLE', 'ERR_SSL_NO_CIPHERS_AVAILABLE', 'ERR_SSL_NO_SUITABLE_SIGNATURE_ALGORITHM']);
/** Errors that say nothing about the protocol: the network did not let us ask. */
const NOT_MEASURED = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ABORTED']);

/** TLS 1.2 or later is negotiated at every address of the connector name. */
export const protocolModern: HealthCheckDefinition<HealthContext> = {
  code: 'TLS_PROTOCOL_MODERN',
  title: 'TLS 1.2 or later is negotiated',
  dependsOn: ['CONNECTOR_URL_RESOLVES'],
  async run(context) {
    if (context.connectorUrl.protocol !== 'https:') return notRunOutcome('The connector URL is http://: there is no TLS to check (see HTTP_PLAINTEXT).');
    const probes = await context.modernHandshakes();
    if (!probes.ok) return notRunOutcome(probes.reason);
    const { handshakes } = probes;
    const single = handshakes.length === 1;
    const combined = combineAddressOutcomes(
      context.connectorUrl.hostname,
      handshakes.map(({ address, result }) => ({
        address,
        outcome:
          result.handshake === 'completed'
            ? pass(`${result.protocol} with ${result.cipher}${single ? `, handshake in ${humanDuration(result.durationMs)}` : ''}.`)
            : fail(
                `No TLS 1.2 or 1.3 handshake with ${context.connectorUrl.host}: ${result.code} (${result.message.split('\n')[0] ?? ''}).`,
                'Enable TLS 1.2 on every connector node (install .NET Framework 4.7.2 or later and the latest connector, set the SCHANNEL TLS 1.2 Server keys to Enabled=1, DisabledByDefault=0) and reboot; check that the load balancer does not terminate TLS with older settings.',
              ),
      })),
    );
    // Handshake times differ from address to address: listed apart, so alike addresses still read as one.
    const times = handshakes.flatMap(({ address, result }) => (result.handshake === 'completed' ? [`${address} ${humanDuration(result.durationMs)}`] : []));
    if (single || times.length === 0) return combined;
    return { ...combined, measured: `${combined.measured} Handshake times: ${times.join(', ')}.` };
  },
};

/**
 * TLS 1.0 and 1.1 are refused at every address of the connector name (RMS services refuse
 * them since March 2022; Exchange and SharePoint should not use them).
 */
export const legacyRefused: HealthCheckDefinition<HealthContext> = {
  code: 'TLS_LEGACY_REFUSED',
  title: 'TLS 1.0 and 1.1 are refused',
  dependsOn: ['CONNECTOR_URL_RESOLVES'],
  async run(context, signal) {
    if (context.connectorUrl.protocol !== 'https:') return notRunOutcome('The connector URL is http://: there is no TLS to check (see HTTP_PLAINTEXT).');
    const resolution = await context.connectorResolution();
    if (!resolution.ok) return notRunOutcome(resolution.reason);
    // Every address and both versions at once, so the check takes one request timeout.
    const entries = await Promise.all(
      resolution.addresses.map(async (address) => ({ address, outcome: legacyOutcome(await tryLegacyVersions(context, address, signal)) })),
    );
    return combineAddressOutcomes(context.connectorUrl.hostname, entries);
  },
};

type LegacyTry = { readonly name: string; readonly verdict: 'accepted' | 'cannot-offer' | 'unknown' | 'refused'; readonly detail: string };

function tryLegacyVersions(context: HealthContext, address: string, signal: AbortSignal): Promise<LegacyTry[]> {
  const versions: readonly tls.SecureVersion[] = ['TLSv1', 'TLSv1.1'];
  return Promise.all(
    versions.map(async (version): Promise<LegacyTry> => {
      const result = await probeTls({
        address,
        port: context.port,
        hostName: context.connectorUrl.hostname,
        ca: context.ca,
        minVersion: version,
        maxVersion: version,
        ciphers: context.legacyCiphers,
        timeoutMs: context.requestTimeoutMs,
        signal,
      });
      const name = version === 'TLSv1' ? 'TLS 1.0' : 'TLS 1.1';
      if (result.handshake === 'completed') return { name, verdict: 'accepted', detail: `accepted (${result.protocol})` };
      if (CANNOT_OFFER.has(result.code))
        return { name, verdict: 'cannot-offer', detail: `not offered: this computer's TLS library refuses to (${result.code})` };
      if (NOT_MEASURED.has(result.code)) return { name, verdict: 'unknown', detail: `not measured (${result.code})` };
      return { name, verdict: 'refused', detail: `refused (${result.code})` };
    }),
  );
}

function legacyOutcome(tries: readonly LegacyTry[]): CheckOutcome {
  const measured = `${tries.map((entry) => `${entry.name} ${entry.detail}`).join('; ')}.`;
  const accepted = tries.filter((entry) => entry.verdict === 'accepted').map((entry) => entry.name);
  if (accepted.length > 0) {
    return fail(
      measured,
      `Disable ${accepted.join(' and ')} on every connector node (SCHANNEL Protocols\\${accepted.join(', ')}\\Server: Enabled=0, DisabledByDefault=1) or on the load balancer, then reboot. Test Exchange and SharePoint afterwards: they must use TLS 1.2.`,
    );
  }
  const refused = tries.filter((entry) => entry.verdict === 'refused');
  if (refused.length === tries.length) return pass(measured);
  if (tries.every((entry) => entry.verdict === 'cannot-offer')) {
    return notRunOutcome(
      "This computer's TLS library (OpenSSL) cannot offer TLS 1.0 or 1.1, so whether the connector still accepts them cannot be measured from here.",
      measured,
      'Test from a Windows computer: Test-NetConnection is not enough; use an SSL scanner or openssl s_client -tls1 with a build that still offers TLS 1.0.',
    );
  }
  if (refused.length > 0 && tries.every((entry) => entry.verdict !== 'unknown'))
    return warn(measured, 'Only part of the legacy protocols could be tested from this computer; test the others from a Windows computer.');
  return notRunOutcome('The legacy handshakes could not reach the server.', measured);
}
