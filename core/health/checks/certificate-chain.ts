import { X509Certificate } from 'node:crypto';

/** Whether the presented chain leads to a trusted root, ignoring validity dates. */
export type ChainWalk =
  { readonly trusted: true; readonly path: readonly string[] } | { readonly trusted: false; readonly path: readonly string[]; readonly reason: string };

/**
 * Walk from the leaf to a trusted root by signatures only, ignoring validity dates.
 *
 * Node's handshake stops at the first problem: for an expired certificate it reports only
 * the expiry, so whether the chain is trusted would stay unknown. This walk answers that
 * question separately (the expiry is TLS_CERT_VALIDITY's to report).
 */
export function walkChainIgnoringDates(chainDer: readonly Buffer[], trustedPem: readonly string[]): ChainWalk {
  const presented = chainDer.map((der) => new X509Certificate(der));
  const roots = trustedPem.flatMap(splitPem).map((pem) => new X509Certificate(pem));
  const path: string[] = [];
  let current = presented[0];
  for (let depth = 0; current !== undefined && depth < 10; depth += 1) {
    path.push(current.subject.replaceAll('\n', ', '));
    const certificate = current;
    const root = roots.find((candidate) => certificate.checkIssued(candidate) && certificate.verify(candidate.publicKey));
    if (root) {
      if (root.fingerprint256 !== certificate.fingerprint256) path.push(root.subject.replaceAll('\n', ', '));
      return { trusted: true, path };
    }
    const next = presented.find((candidate) => candidate !== certificate && certificate.checkIssued(candidate) && certificate.verify(candidate.publicKey));
    if (!next || next.fingerprint256 === certificate.fingerprint256)
      return { trusted: false, path, reason: `no trusted certificate issued ${certificate.issuer.replaceAll('\n', ', ')}` };
    current = next;
  }
  return { trusted: false, path, reason: 'the chain is longer than ten certificates' };
}

function splitPem(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
