import tls from 'node:tls';
import { CaFileError, describeCaFileRefusal, readCaFile as readSafeCaFile } from '../tls/read-ca-file.ts';
import { DirectoryError } from './directory-error.ts';

/**
 * Read the CA file an admin gave with the one safe reader (regular file, 1 MiB, deadline, X.509).
 *
 * A wrong path or a DER file otherwise surfaces later as an untrusted certificate, which
 * sends the admin looking in the wrong place; the refusal names the path the admin gave.
 */
export async function readCaFile(path: string): Promise<string> {
  try {
    return (await readSafeCaFile(path)).pem;
  } catch (error) {
    if (error instanceof CaFileError) throw new DirectoryError('INVALID_INPUT', describeCaFileRefusal(path, error));
    throw error;
  }
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
