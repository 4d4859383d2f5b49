import { isIP } from 'node:net';

/** The names a certificate carries, as the matcher needs them. */
export type CertificateNames = {
  readonly commonNames: readonly string[];
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
};

/** Whether a certificate names a host, and by which entry (or why not). */
export type HostNameMatch = { readonly matches: true; readonly by: string } | { readonly matches: false; readonly reason: string };

/**
 * Decide whether a certificate's names cover `host`, by the rules Windows clients and
 * browsers apply (RFC 6125, CA/Browser Forum baseline).
 *
 * - Subject alternative names win: the common name is read only when there is no DNS name
 *   in the SAN (what Node and Schannel do; modern browsers ignore the CN entirely).
 * - A wildcard is a whole left-most label (`*.contoso.com`) and covers exactly one label:
 *   not `contoso.com`, not `a.b.contoso.com`. Partial wildcards (`rms*.contoso.com`) and
 *   wildcards over a public suffix-like two-label name (`*.com`) never match.
 * - An IP address host matches only an IP address SAN, never a DNS name or wildcard.
 * - Comparison is case-insensitive and ignores one trailing dot.
 */
export function matchHostName(host: string, names: CertificateNames): HostNameMatch {
  const wanted = normalise(host);
  if (wanted === '') return { matches: false, reason: 'the host name is empty' };
  const literal = wanted.startsWith('[') && wanted.endsWith(']') ? wanted.slice(1, -1) : wanted;
  if (isIP(literal) !== 0) {
    const address = canonicalIp(literal);
    const hit = names.ipAddresses.find((entry) => canonicalIp(entry) === address);
    return hit ? { matches: true, by: `IP address SAN ${hit}` } : { matches: false, reason: `no IP address SAN is ${literal}` };
  }
  const candidates =
    names.dnsNames.length > 0 ? names.dnsNames.map((name) => ({ name, source: 'SAN' })) : names.commonNames.map((name) => ({ name, source: 'CN' }));
  for (const candidate of candidates) {
    if (dnsNameMatches(wanted, normalise(candidate.name))) return { matches: true, by: `${candidate.source} ${candidate.name}` };
  }
  if (candidates.length === 0) return { matches: false, reason: 'the certificate carries no DNS name and no common name' };
  const listed = candidates.map((candidate) => candidate.name).join(', ');
  return { matches: false, reason: names.dnsNames.length > 0 ? `the SAN names ${listed}` : `the common name is ${listed} (no DNS SAN)` };
}

function dnsNameMatches(host: string, pattern: string): boolean {
  if (pattern === '' || host === '') return false;
  if (!pattern.includes('*')) return pattern === host;
  const [first, ...rest] = pattern.split('.');
  // Only "*" as the whole left-most label, over at least two more labels.
  if (first !== '*' || rest.length < 2 || rest.some((label) => label === '' || label.includes('*'))) return false;
  const hostLabels = host.split('.');
  const [hostFirst, ...hostRest] = hostLabels;
  if (hostFirst === undefined || hostFirst === '' || hostRest.length !== rest.length) return false;
  return hostRest.join('.') === rest.join('.');
}

function normalise(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function canonicalIp(address: string): string {
  const trimmed = address.trim().toLowerCase();
  if (isIP(trimmed) !== 6) return trimmed;
  // Expand "::" so 0:0:…:1 and ::1 compare equal.
  const [head = '', tail = ''] = trimmed.split('::');
  const headParts = head === '' ? [] : head.split(':');
  const tailParts = tail === '' ? [] : tail.split(':');
  const missing = trimmed.includes('::') ? 8 - headParts.length - tailParts.length : 0;
  return [...headParts, ...Array<string>(missing).fill('0'), ...tailParts].map((part) => part.replace(/^0+(?=.)/, '')).join(':');
}
