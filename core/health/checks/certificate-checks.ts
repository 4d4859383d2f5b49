import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import { EXPIRED_CERTIFICATE_CODES, UNTRUSTED_CERTIFICATE_CODES } from '../../tls/certificate-error-codes.ts';
import { readCertificateFacts } from '../certificate-facts.ts';
import type { HealthContext } from '../health-context.ts';
import type { HealthCheckDefinition } from '../health-runner.ts';
import type { CheckOutcome } from '../health-types.ts';
import { matchHostName } from '../host-name-match.ts';
import { walkChainIgnoringDates } from './certificate-chain.ts';
import { fail, humanDuration, pass, utcDate, warn } from './outcomes.ts';
import { judgeEveryCertificate, type CompletedHandshake } from './presented-certificates.ts';

const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

/** The certificate names the connector URL's host (CN or SAN; wildcard only as the left-most label). */
export const certificateName: HealthCheckDefinition<HealthContext> = {
  code: 'TLS_CERT_NAME',
  title: 'The certificate names the connector URL',
  dependsOn: ['CONNECTOR_URL_RESOLVES'],
  run: (context) => judgeEveryCertificate(context, (_handshake, leaf) => nameOutcome(context, leaf)),
};

function nameOutcome(context: HealthContext, leaf: Buffer): CheckOutcome {
  const host = context.connectorUrl.hostname;
  const ours = matchHostName(host, readCertificateFacts(leaf));
  // Node's own check as a second opinion; any disagreement fails, the stricter reading wins.
  const nodes = tls.checkServerIdentity(host.replace(/^\[|\]$/g, ''), new X509Certificate(leaf).toLegacyObject());
  const measured = ours.matches ? `${host} is named by the ${ours.by}.` : `${host} is not named: ${ours.reason}.`;
  if (ours.matches && nodes === undefined) return pass(measured);
  const second = ours.matches
    ? ` Node's TLS check disagrees: ${nodes?.message ?? ''}`
    : nodes === undefined
      ? ' (Node alone would accept it, e.g. a partial wildcard, which Windows clients do not.)'
      : '';
  return fail(
    `${measured}${second}`,
    `Issue a server-authentication certificate whose subject alternative names include ${host} (the load-balanced name servers are configured with) and bind it to the connector's IIS web site on every node.`,
  );
}

/** The certificate chains to a root this computer trusts (system store or the given CA file). */
export const certificateChain: HealthCheckDefinition<HealthContext> = {
  code: 'TLS_CERT_CHAIN',
  title: 'The certificate chains to a trusted root',
  dependsOn: ['CONNECTOR_URL_RESOLVES'],
  run: (context) => judgeEveryCertificate(context, (handshake) => chainOutcome(context, handshake)),
};

function chainOutcome(context: HealthContext, handshake: CompletedHandshake): CheckOutcome {
  const code = handshake.verifyError?.code;
  const walk = walkChainIgnoringDates(handshake.chain, context.ca);
  const path = walk.path.join(' ← ');
  const trustSource = context.input.caPem === undefined ? 'the system trust store' : 'the system trust store and the given CA file';
  const action =
    'Install the root (and any intermediate) CA certificate in the Trusted Root (Intermediate) store of every Exchange, SharePoint and file server, and of this computer (or give --ca-file); bind the certificate with its full chain in IIS on every node.';
  if (code === undefined || code === 'ERR_TLS_CERT_ALTNAME_INVALID') return pass(`Trusted by ${trustSource}: ${path}.`);
  if (EXPIRED_CERTIFICATE_CODES.has(code)) {
    return walk.trusted
      ? pass(`Trusted by ${trustSource} (dates aside, see TLS_CERT_VALIDITY): ${path}.`)
      : fail(`Not trusted: ${walk.reason}. Chain: ${path}.`, action);
  }
  if (UNTRUSTED_CERTIFICATE_CODES.has(code))
    return fail(`Not trusted by ${trustSource}: ${code}${walk.trusted ? '' : ` (${walk.reason})`}. Chain: ${path}.`, action);
  return fail(`Verification failed: ${code}: ${handshake.verifyError?.message ?? ''}. Chain: ${path}.`, action);
}

/** The certificate is within its validity period, with a warning 30 days before it ends. */
export const certificateValidity: HealthCheckDefinition<HealthContext> = {
  code: 'TLS_CERT_VALIDITY',
  title: 'The certificate is within its validity period',
  dependsOn: ['CONNECTOR_URL_RESOLVES'],
  run(context) {
    // One "now" for every address, so one certificate reads the same wherever it is presented.
    const now = context.now().getTime();
    return judgeEveryCertificate(context, (_handshake, leaf) => validityOutcome(now, leaf));
  },
};

function validityOutcome(now: number, leaf: Buffer): CheckOutcome {
  const facts = readCertificateFacts(leaf);
  const period = `Valid from ${utcDate(facts.notBefore)} to ${utcDate(facts.notAfter)}`;
  const renew = 'Renew the certificate (same names), bind the new one in IIS on every connector node, then run the check again.';
  if (now < facts.notBefore.getTime())
    return fail(
      `${period}: not valid for another ${humanDuration(facts.notBefore.getTime() - now)}.`,
      `Check the clocks of the CA and this computer, or ${renew.charAt(0).toLowerCase()}${renew.slice(1)}`,
    );
  if (now > facts.notAfter.getTime())
    return fail(`${period}: expired ${humanDuration(now - facts.notAfter.getTime())} ago.`, `${renew} Until then servers refuse the connector.`);
  const daysLeft = Math.floor((facts.notAfter.getTime() - now) / DAY_MS);
  const measured = `${period}: ${String(daysLeft)} day(s) left.`;
  if (daysLeft < EXPIRY_WARNING_DAYS) return warn(measured, renew);
  return pass(measured);
}
