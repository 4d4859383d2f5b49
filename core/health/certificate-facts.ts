import '../tls/issue-certificates-reflect-shim.ts';
import * as x509 from '@peculiar/x509';
import type { CertificateNames } from './host-name-match.ts';

/** What the checks read from one certificate of the presented chain. */
export type CertificateFacts = CertificateNames & {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly selfIssued: boolean;
  /** Every URI of every CRL distribution point (http, ldap, …), in certificate order. */
  readonly crlDistributionPoints: readonly string[];
  /** OCSP responder URIs from Authority Information Access. */
  readonly ocspResponders: readonly string[];
};

/**
 * Read names, validity and revocation pointers from a DER certificate.
 *
 * @peculiar/x509 rather than Node's `X509Certificate`: Node gives the SAN as one display
 * string (ambiguous when a name holds a comma) and does not expose CRL distribution points.
 */
export function readCertificateFacts(der: Uint8Array): CertificateFacts {
  const certificate = new x509.X509Certificate(new Uint8Array(der));
  const san = certificate.getExtension(x509.SubjectAlternativeNameExtension);
  const sanItems = san?.names.items ?? [];
  const crl = certificate.getExtension(x509.CRLDistributionPointsExtension);
  const aia = certificate.getExtension(x509.AuthorityInfoAccessExtension);
  return {
    subject: certificate.subject,
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    selfIssued: certificate.subject === certificate.issuer,
    commonNames: certificate.subjectName.getField('CN'),
    dnsNames: sanItems.filter((item) => item.type === 'dns').map((item) => item.value),
    ipAddresses: sanItems.filter((item) => item.type === 'ip').map((item) => item.value),
    crlDistributionPoints: (crl?.distributionPoints ?? []).flatMap((point) =>
      (point.distributionPoint?.fullName ?? []).flatMap((name) => (name.uniformResourceIdentifier === undefined ? [] : [name.uniformResourceIdentifier])),
    ),
    ocspResponders: (aia?.ocsp ?? []).filter((name) => name.type === 'url').map((name) => name.value),
  };
}

/** What a downloaded CRL says about itself, or why it is not one. */
export type CrlFacts =
  | { readonly ok: true; readonly issuer: string; readonly thisUpdate: Date; readonly nextUpdate: Date | undefined }
  | { readonly ok: false; readonly reason: string };

/** Parse a CRL as a distribution point serves it: DER, or PEM from some servers. */
export function readCrlFacts(body: Uint8Array): CrlFacts {
  try {
    const text = Buffer.from(body).toString('latin1');
    const crl = text.includes('-----BEGIN X509 CRL-----') ? new x509.X509Crl(text) : new x509.X509Crl(new Uint8Array(body));
    return { ok: true, issuer: crl.issuer, thisUpdate: crl.thisUpdate, nextUpdate: crl.nextUpdate };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
