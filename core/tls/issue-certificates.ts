import { webcrypto } from 'node:crypto';
import './issue-certificates-reflect-shim.ts';
import * as x509 from '@peculiar/x509';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

/** A certificate and its private key, both PEM, ready for `tls.createServer({ cert, key })`. */
export type IssuedCertificate = { readonly certPem: string; readonly keyPem: string };

/**
 * A certification authority that can sign server certificates.
 *
 * `ca.pem` is `certPem`; the key stays with whoever created or loaded the authority.
 */
export type CertificateAuthority = IssuedCertificate & { readonly commonName: string };

/** What a new authority needs: its name and, for tests, its validity window. */
export type CertificateAuthorityOptions = { readonly commonName: string; readonly notBefore?: Date; readonly notAfter?: Date };

/** The names and validity of a server certificate; `commonName` is also put in the SAN. */
export type ServerCertificateOptions = {
  readonly commonName: string;
  readonly dnsNames?: readonly string[];
  readonly ipAddresses?: readonly string[];
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  readonly crlDistributionPoints?: readonly string[];
};

/**
 * ECDSA P-256: accepted by Node TLS servers and clients (ldapts, undici) and fast to generate,
 * which matters because the demo and the tests create authorities on every start.
 */
const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Back-date by an hour so a client whose clock is slightly behind still accepts the certificate. */
const CLOCK_SKEW_MS = 60 * 60 * 1000;

x509.cryptoProvider.set(webcrypto);

/**
 * Create a self-signed certification authority valid for ten years by default.
 *
 * basicConstraints CA (path length 0) and keyCertSign/cRLSign, both critical, so that a client
 * accepts it as a trust anchor and as nothing else.
 */
export async function createCertificateAuthority(options: CertificateAuthorityOptions): Promise<CertificateAuthority> {
  requireName(options.commonName, 'the certification authority');
  const keys = await generateKeyPair();
  const notBefore = options.notBefore ?? new Date(Date.now() - CLOCK_SKEW_MS);
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + 3650 * DAY_MS);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialNumber(),
    name: [{ CN: [options.commonName] }],
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { commonName: options.commonName, certPem: certificate.toString('pem'), keyPem: await privateKeyToPem(keys.privateKey) };
}

/**
 * Issue a server certificate (serverAuth) signed by `ca`, valid for about two years by default.
 *
 * The subject alternative names carry the common name, every `dnsNames` entry and every
 * `ipAddresses` entry, because TLS clients match the SAN and ignore the CN.
 */
export async function issueServerCertificate(ca: CertificateAuthority, options: ServerCertificateOptions): Promise<IssuedCertificate> {
  requireName(options.commonName, 'the server certificate');
  const caCertificate = new x509.X509Certificate(ca.certPem);
  const caKey = await importPrivateKey(ca.keyPem);
  const keys = await generateKeyPair();
  const notBefore = options.notBefore ?? new Date(Date.now() - CLOCK_SKEW_MS);
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + 825 * DAY_MS);
  const dnsNames = [...new Set([options.commonName, ...(options.dnsNames ?? [])])];
  const alternativeNames: x509.JsonGeneralName[] = [
    ...dnsNames.map((value) => ({ type: 'dns' as const, value })),
    ...(options.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
    new x509.SubjectAlternativeNameExtension(alternativeNames, false),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(caCertificate),
  ];
  if (options.crlDistributionPoints !== undefined && options.crlDistributionPoints.length > 0) {
    extensions.push(new x509.CRLDistributionPointsExtension([...options.crlDistributionPoints]));
  }
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialNumber(),
    subject: [{ CN: [options.commonName] }],
    issuer: caCertificate.subject,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: caKey,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions,
  });
  return { certPem: certificate.toString('pem'), keyPem: await privateKeyToPem(keys.privateKey) };
}

function requireName(commonName: string, what: string): void {
  if (commonName.trim() === '' || commonName.length > 64) {
    throw new Error(`The common name of ${what} must be 1 to 64 characters; got ${JSON.stringify(commonName.slice(0, 80))}.`);
  }
}

async function generateKeyPair(): Promise<CryptoKeyPair> {
  return await webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
}

/** A positive 128-bit serial (leading nibble 1–7 keeps the DER integer positive and full length). */
function randomSerialNumber(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] ?? 0) & 0x3f) | 0x10;
  return Buffer.from(bytes).toString('hex');
}

async function privateKeyToPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

async function importPrivateKey(pem: string): Promise<CryptoKey> {
  const body = pem.replace(/-----(BEGIN|END) PRIVATE KEY-----/g, '').replace(/\s+/g, '');
  try {
    return await webcrypto.subtle.importKey('pkcs8', Buffer.from(body, 'base64'), KEY_ALGORITHM, false, ['sign']);
  } catch (error) {
    throw new Error('The certification authority key is not a PKCS#8 ECDSA P-256 key; recreate the authority.', { cause: error });
  }
}
