import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { matchHostName, type CertificateNames } from './host-name-match.ts';

const names = (dnsNames: string[], commonNames: string[] = [], ipAddresses: string[] = []): CertificateNames => ({ dnsNames, commonNames, ipAddresses });

/** The same names as Node's `checkServerIdentity` reads them. */
function nodeAccepts(host: string, certificate: CertificateNames): boolean {
  const subjectaltname = [...certificate.dnsNames.map((name) => `DNS:${name}`), ...certificate.ipAddresses.map((address) => `IP Address:${address}`)].join(
    ', ',
  );
  const peer = {
    subject: certificate.commonNames[0] === undefined ? {} : { CN: certificate.commonNames[0] },
    subjectaltname,
  } as unknown as tls.PeerCertificate;
  return tls.checkServerIdentity(host, peer) === undefined;
}

describe('matchHostName', () => {
  // [label, host, names, ours, node]: `node` is Node's own verdict, to show where we are stricter.
  it.each([
    ['an exact SAN', 'rmsconnector.contoso.com', names(['rmsconnector.contoso.com']), true, true],
    ['a SAN in other case, host with a trailing dot', 'RMSConnector.Contoso.com.', names(['rmsconnector.CONTOSO.com']), true, true],
    ['a left-most wildcard over one label', 'rmsconnector.contoso.com', names(['*.contoso.com']), true, true],
    ['a wildcard does not cover two labels', 'a.rmsconnector.contoso.com', names(['*.contoso.com']), false, false],
    ['a wildcard does not cover the bare domain', 'contoso.com', names(['*.contoso.com']), false, false],
    ['a wildcard in a middle label', 'rms.connector.contoso.com', names(['rms.*.contoso.com']), false, false],
    ['a wildcard over a two-label name', 'contoso.com', names(['*.com']), false, false],
    ['a partial wildcard (Node accepts, Windows clients do not)', 'rmsconnector.contoso.com', names(['rms*.contoso.com']), false, true],
    ['a double wildcard', 'a.b.contoso.com', names(['*.*.contoso.com']), false, false],
    ['the CN when the SAN has no DNS name', 'rmsconnector.contoso.com', names([], ['rmsconnector.contoso.com']), true, true],
    ['the CN is ignored when the SAN has DNS names', 'rmsconnector.contoso.com', names(['other.contoso.com'], ['rmsconnector.contoso.com']), false, false],
    ['a suffix is not a match', 'evilcontoso.com', names(['contoso.com']), false, false],
    ['a longer host is not a match', 'rmsconnector.contoso.com.evil.test', names(['rmsconnector.contoso.com']), false, false],
    ['an IP host against an IP SAN', '127.0.0.1', names(['localhost'], [], ['127.0.0.1']), true, true],
    ['an IP host never matches a DNS name', '127.0.0.1', names(['127.0.0.1']), false, false],
    ['an IP host never matches a wildcard', '10.0.0.1', names(['*.0.0.1']), false, false],
    ['an IPv6 host in another spelling', '[::1]', names([], [], ['0:0:0:0:0:0:0:1']), true, true],
    ['a host with an empty first label (Node accepts it)', '.contoso.com', names(['*.contoso.com']), false, true],
  ])('judges %s', (_label, host, certificate, ours, node) => {
    expect({ ours: matchHostName(host, certificate).matches, node: nodeAccepts(host.replace(/^\[|\]$/g, '').replace(/\.$/, ''), certificate) }).toEqual({
      ours,
      node,
    });
  });

  it('says which name matched, and what the certificate names when none does', () => {
    expect(matchHostName('a.contoso.com', names(['x.contoso.com', '*.contoso.com']))).toEqual({ matches: true, by: 'SAN *.contoso.com' });
    expect(matchHostName('a.fabrikam.com', names(['x.contoso.com']))).toEqual({ matches: false, reason: 'the SAN names x.contoso.com' });
    expect(matchHostName('a.fabrikam.com', names([]))).toEqual({ matches: false, reason: 'the certificate carries no DNS name and no common name' });
  });
});
