import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCertificateAuthority, issueServerCertificate } from '../../../core/tls/issue-certificates.ts';

/** The files the demo service speaks HTTPS with, and the CA file the console trusts for it. */
export type DemoServiceTls = { readonly certFile: string; readonly keyFile: string; readonly caFile: string };

/**
 * Issue a fresh CA and a certificate for 127.0.0.1 and localhost into `<folder>/service-tls`.
 *
 * New on every start: the service's port changes anyway, nothing else trusts this CA, and
 * no key outlives the run it served. The console trusts the CA for the demo only (it is
 * handed over with the demo's sign-in, never added to the machine's trust store).
 */
export async function issueDemoServiceTls(folder: string): Promise<DemoServiceTls> {
  const directory = path.join(folder, 'service-tls');
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const authority = await createCertificateAuthority({ commonName: 'RMS Connector Admin demo CA' });
  const server = await issueServerCertificate(authority, { commonName: 'localhost', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
  const files: DemoServiceTls = {
    certFile: path.join(directory, 'service.pem'),
    keyFile: path.join(directory, 'service-key.pem'),
    caFile: path.join(directory, 'ca.pem'),
  };
  await writeFile(files.caFile, authority.certPem, { mode: 0o644 });
  await writeFile(files.certFile, server.certPem, { mode: 0o644 });
  await writeFile(files.keyFile, server.keyPem, { mode: 0o600 });
  return files;
}
