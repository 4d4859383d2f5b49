import { chown, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCertificateAuthority, issueServerCertificate } from '../../core/tls/issue-certificates.ts';
import { withAdminConnection } from './admin-sql.ts';
import { ownerIds } from './cluster-folder.ts';
import { clusterLayout } from './cluster-layout.ts';
import { ensurePostgresCluster } from './postgres-cluster.ts';
import { runsAsRoot } from './postgres-commands.ts';
import type { PostgresConnection } from './postgres-connection.ts';

/** A test cluster that speaks TLS with a certificate for `localhost`, and the CA that issued it. */
export type TlsCluster = { readonly connection: PostgresConnection; readonly caFile: string };

/** The TLS test cluster: its own name and port, beside the shared primary on 55432. */
export const tlsCluster = { name: 'tls', port: 55437 } as const;

/**
 * Start (or reuse) the TLS cluster and give it a fresh CA and server certificate for `localhost`.
 *
 * The certificate is issued on every call (a CA of the test's own, in the cluster folder) and
 * PostgreSQL reloads it without a restart, so a test always knows which CA the server presents.
 */
export async function ensureTlsCluster(): Promise<TlsCluster> {
  const connection = await ensurePostgresCluster(tlsCluster);
  const layout = clusterLayout(tlsCluster);
  const ca = await createCertificateAuthority({ commonName: 'rmsadmin PostgreSQL test CA' });
  const server = await issueServerCertificate(ca, { commonName: 'localhost', dnsNames: ['localhost'] });
  const files = {
    caFile: path.join(layout.directory, 'ca.pem'),
    certFile: path.join(layout.dataDirectory, 'server.crt'),
    keyFile: path.join(layout.dataDirectory, 'server.key'),
  };
  await writeFile(files.caFile, ca.certPem);
  await writeFile(files.certFile, server.certPem, { mode: 0o600 });
  await writeFile(files.keyFile, server.keyPem, { mode: 0o600 });
  if (runsAsRoot()) {
    const owner = await ownerIds();
    for (const file of [files.certFile, files.keyFile]) await chown(file, owner.uid, owner.gid);
  }
  await withAdminConnection(layout, async (sql) => {
    await sql`ALTER SYSTEM SET ssl = on`;
    await sql`ALTER SYSTEM SET ssl_cert_file = 'server.crt'`;
    await sql`ALTER SYSTEM SET ssl_key_file = 'server.key'`;
    await sql`SELECT pg_reload_conf()`;
  });
  return { connection, caFile: files.caFile };
}
