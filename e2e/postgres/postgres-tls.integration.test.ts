import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConfigStore } from '../../connector/server/store/open-config-store.ts';
import { createCertificateAuthority } from '../../core/tls/issue-certificates.ts';
import { withAdminConnection } from './admin-sql.ts';
import { clusterLayout } from './cluster-layout.ts';
import { ensureTlsCluster, tlsCluster, type TlsCluster } from './tls-cluster.ts';

describe('the configuration store over TLS to PostgreSQL (sslmode=verify-full)', () => {
  let cluster: TlsCluster;
  const database = `rmstest_tls_${String(process.pid)}`;
  const env = () => ({ CONNECTOR_DATABASE_PASSWORD: cluster.connection.password, PGPASSFILE: '/nonexistent' });
  const urlWith = (caFile: string, host = 'localhost') =>
    `postgres://${cluster.connection.user}@${host}:${String(tlsCluster.port)}/${database}?sslmode=verify-full&sslrootcert=${encodeURIComponent(caFile)}`;

  beforeAll(async () => {
    cluster = await ensureTlsCluster();
    await withAdminConnection(clusterLayout(tlsCluster), async (sql) => {
      await sql`DROP DATABASE IF EXISTS ${sql(database)} WITH (FORCE)`;
      await sql`CREATE DATABASE ${sql(database)} OWNER ${sql(cluster.connection.user)} TEMPLATE template0`;
    });
  }, 120_000);
  afterAll(async () => {
    await withAdminConnection(clusterLayout(tlsCluster), (sql) => sql`DROP DATABASE IF EXISTS ${sql(database)} WITH (FORCE)`);
  });

  it('opens the store over TLS when the server presents a certificate of the given CA for its name', async () => {
    const store = await openConfigStore(urlWith(cluster.caFile), env());
    const version = await store.authorizedAccountsVersion();
    // What the server says of the store's own sessions (still open in its pool): TLS, not plain text.
    const sessions = await withAdminConnection(
      clusterLayout(tlsCluster),
      (sql) =>
        sql`SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.datname = ${database} AND a.application_name = 'rms-connector-service'`,
    );
    await store.close();
    expect({ version, sessions: sessions.map((row) => row['ssl'] as boolean) }).toEqual({ version: 0, sessions: expect.arrayContaining([true]) });
    expect(sessions.every((row) => row['ssl'] === true)).toBe(true);
  });

  it('refuses a server whose certificate another CA issued, naming CONNECTOR_DATABASE and never the password', async () => {
    const otherCa = path.join(tmpdir(), `rmsadmin-other-ca-${String(process.pid)}.pem`);
    await writeFile(otherCa, (await createCertificateAuthority({ commonName: 'Somebody else CA' })).certPem);
    const message = await openConfigStore(urlWith(otherCa), env()).then(
      () => 'opened',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    expect({ message, leaks: message.includes(cluster.connection.password) }).toEqual({
      message: expect.stringMatching(
        /^CONNECTOR_DATABASE: cannot open the configuration database postgres:\/\/rmsconnector@localhost:55437\/.*: .*certificate/i,
      ),
      leaks: false,
    });
  });
});
