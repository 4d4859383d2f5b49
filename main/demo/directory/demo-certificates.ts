import { X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCertificateAuthority, issueServerCertificate } from '../../../core/tls/issue-certificates.ts';

/** The demo directory's TLS material: the CA file clients trust and the server's key pair. */
export type DemoCertificates = { readonly caFile: string; readonly certPem: string; readonly keyPem: string };

const FILES = { ca: 'ca.pem', caKey: 'ca-key.pem', cert: 'directory-cert.pem', key: 'directory-key.pem' } as const;
/** Reissue the server certificate this long before it expires, so a long-lived demo keeps working. */
const RENEW_BEFORE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Load the demo folder's CA and server certificate, creating them on first start.
 *
 * The CA is kept (an admin who trusted `ca.pem` keeps trusting it); the server certificate
 * is reissued when missing, expiring, or not for `serverName`. Keys are written 0600.
 */
export async function ensureDemoCertificates(folder: string, serverName: string): Promise<DemoCertificates> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const file = (name: string) => path.join(folder, name);
  let ca = await readPair(file(FILES.ca), file(FILES.caKey));
  if (!ca) {
    const created = await createCertificateAuthority({ commonName: 'RMS Connector Admin Demo CA' });
    await writeSecret(file(FILES.caKey), created.keyPem);
    await writeFile(file(FILES.ca), created.certPem, { mode: 0o644 });
    ca = { certPem: created.certPem, keyPem: created.keyPem };
  }
  const existing = await readPair(file(FILES.cert), file(FILES.key));
  if (existing && stillGood(existing.certPem, ca.certPem, serverName)) return { caFile: file(FILES.ca), ...existing };
  const issued = await issueServerCertificate({ ...ca, commonName: 'RMS Connector Admin Demo CA' }, { commonName: serverName, ipAddresses: ['127.0.0.1'] });
  await writeSecret(file(FILES.key), issued.keyPem);
  await writeSecret(file(FILES.cert), issued.certPem);
  return { caFile: file(FILES.ca), ...issued };
}

async function readPair(certFile: string, keyFile: string): Promise<{ certPem: string; keyPem: string } | undefined> {
  try {
    return { certPem: await readFile(certFile, 'utf8'), keyPem: await readFile(keyFile, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function stillGood(certPem: string, caPem: string, serverName: string): boolean {
  try {
    const certificate = new X509Certificate(certPem);
    return (
      certificate.checkIssued(new X509Certificate(caPem)) &&
      certificate.checkHost(serverName) !== undefined &&
      new Date(certificate.validTo).getTime() - Date.now() > RENEW_BEFORE_MS
    );
  } catch {
    return false;
  }
}

async function writeSecret(target: string, content: string): Promise<void> {
  await writeFile(target, content, { mode: 0o600 });
  // writeFile applies the mode only when it creates the file.
  await chmod(target, 0o600);
}
