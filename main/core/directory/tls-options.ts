import { readFile } from 'node:fs/promises';
import tls from 'node:tls';
import { DirectoryError } from './directory-error.ts';

/**
 * Read the CA file an admin gave and check it holds at least one PEM certificate.
 *
 * A wrong path or a DER file otherwise surfaces later as an untrusted certificate, which
 * sends the admin looking in the wrong place.
 */
export async function readCaFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DirectoryError('INVALID_INPUT', `The CA file "${path}" could not be read (${reason}). Give the path of a PEM certificate file.`);
  }
  if (!/-----BEGIN CERTIFICATE-----/.test(text)) {
    throw new DirectoryError('INVALID_INPUT', `The CA file "${path}" holds no PEM certificate. Export the CA certificate as Base-64 encoded X.509 (.cer/.pem).`);
  }
  return text;
}

/**
 * TLS options for a DC connection: verification on, TLS 1.2 or later, the expected name.
 *
 * Trust is Node's bundled roots, the operating system's store (where an enterprise CA
 * usually lives) and the admin's CA file. The certificate must name `serverName` when it is
 * given (connecting by IP to a DC whose certificate names its FQDN), else the host.
 */
export function buildTlsOptions(host: string, serverName: string | undefined, caPem: string | undefined): tls.ConnectionOptions {
  const expectedName = serverName ?? host;
  const ca = [...tls.getCACertificates('default'), ...tls.getCACertificates('system'), ...(caPem ? [caPem] : [])];
  return {
    ca,
    minVersion: 'TLSv1.2',
    rejectUnauthorized: true,
    ...(isIpAddress(expectedName) ? {} : { servername: expectedName }),
    checkServerIdentity: (_host, certificate) => tls.checkServerIdentity(expectedName, certificate),
  };
}

function isIpAddress(text: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text) || text.includes(':');
}
