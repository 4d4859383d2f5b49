import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCertificateAuthority, issueServerCertificate } from '../../core/tls/issue-certificates.ts';

/** The connector's certificate as a high-availability deployment uses it: one for every node and the balancer. */
export type DeploymentTls = {
  readonly name: string;
  readonly caPem: string;
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
  /** Certificate and key in one file, as HAProxy's `crt` takes them. */
  readonly certificateAndKeyFile: string;
};

/**
 * Issue a CA and the connector URL's certificate into `folder`.
 *
 * The same certificate on every node and on the balancer, as the connector's documentation
 * requires: a client sees one identity whichever node answers.
 */
export async function issueDeploymentTls(folder: string, name = 'rmsconnector.corp.contoso.test'): Promise<DeploymentTls> {
  const ca = await createCertificateAuthority({ commonName: 'Contoso HA Test CA' });
  const server = await issueServerCertificate(ca, { commonName: name, ipAddresses: ['127.0.0.1'] });
  const files = {
    caFile: path.join(folder, 'ca.pem'),
    certFile: path.join(folder, 'connector.pem'),
    keyFile: path.join(folder, 'connector.key'),
    certificateAndKeyFile: path.join(folder, 'connector-with-key.pem'),
  };
  await writeFile(files.caFile, ca.certPem);
  await writeFile(files.certFile, server.certPem);
  await writeFile(files.keyFile, server.keyPem, { mode: 0o600 });
  await writeFile(files.certificateAndKeyFile, `${server.certPem}\n${server.keyPem}`, { mode: 0o600 });
  return { name, caPem: ca.certPem, ...files };
}
