import type tls from 'node:tls';
import type { HealthContext } from '../health-context.ts';
import type { HealthCheckDefinition } from '../health-runner.ts';
import { probeTls } from '../probes/tls-probe.ts';
import { fail, humanDuration, notRunOutcome, pass, warn } from './outcomes.ts';

/** Errors raised by this computer before anything was sent: it cannot offer the protocol. */
const CANNOT_OFFER = new Set(['ERR_SSL_NO_PROTOCOLS_AVAILABLE', 'ERR_SSL_NO_CIPHERS_AVAILABLE', 'ERR_SSL_NO_SUITABLE_SIGNATURE_ALGORITHM']);
/** Errors that say nothing about the protocol: the network did not let us ask. */
const NOT_MEASURED = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ABORTED']);

/** TLS 1.2 or later is negotiated with the connector URL. */
export const protocolModern: HealthCheckDefinition<HealthContext> = {
  code: 'TLS_PROTOCOL_MODERN',
  title: 'TLS 1.2 or later is negotiated',
  dependsOn: ['CONNECTOR_URL_RESOLVES'],
  async run(context) {
    if (context.connectorUrl.protocol !== 'https:') return notRunOutcome('The connector URL is http://: there is no TLS to check (see HTTP_PLAINTEXT).');
    const handshake = await context.modernHandshake();
    if (handshake.handshake === 'completed')
      return pass(`${handshake.protocol} with ${handshake.cipher}, handshake in ${humanDuration(handshake.durationMs)}.`);
    return fail(
      `No TLS 1.2 or 1.3 handshake with ${context.connectorUrl.host}: ${handshake.code} (${handshake.message.split('\n')[0] ?? ''}).`,
      'Enable TLS 1.2 on every connector node (install .NET Framework 4.7.2 or later and the latest connector, set the SCHANNEL TLS 1.2 Server keys to Enabled=1, DisabledByDefault=0) and reboot; check that the load balancer does not terminate TLS with older settings.',
    );
  },
};

/** TLS 1.0 and 1.1 are refused (RMS services refuse them since March 2022; Exchange and SharePoint should not use them). */
export const legacyRefused: HealthCheckDefinition<HealthContext> = {
  code: 'TLS_LEGACY_REFUSED',
  title: 'TLS 1.0 and 1.1 are refused',
  dependsOn: ['CONNECTOR_URL_RESOLVES'],
  async run(context, signal) {
    if (context.connectorUrl.protocol !== 'https:') return notRunOutcome('The connector URL is http://: there is no TLS to check (see HTTP_PLAINTEXT).');
    const resolution = await context.connectorResolution();
    if (!resolution.ok) return notRunOutcome(resolution.reason);
    const versions: readonly tls.SecureVersion[] = ['TLSv1', 'TLSv1.1'];
    const tries = await Promise.all(
      versions.map(async (version) => {
        const result = await probeTls({
          address: resolution.addresses[0] ?? '',
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
        if (result.handshake === 'completed') return { name, verdict: 'accepted' as const, detail: `accepted (${result.protocol})` };
        if (CANNOT_OFFER.has(result.code))
          return { name, verdict: 'cannot-offer' as const, detail: `not offered: this computer's TLS library refuses to (${result.code})` };
        if (NOT_MEASURED.has(result.code)) return { name, verdict: 'unknown' as const, detail: `not measured (${result.code})` };
        return { name, verdict: 'refused' as const, detail: `refused (${result.code})` };
      }),
    );
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
  },
};
