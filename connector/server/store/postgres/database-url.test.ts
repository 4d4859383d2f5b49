import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCertificateAuthority } from '../../../../core/tls/issue-certificates.ts';
import { isPostgresUrl, postgresTargetOf } from './database-url.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const created = mkdtempSync(path.join(tmpdir(), 'database-url-'));
  folders.push(created);
  return created;
}

/** An environment with no password anywhere: no variable, and a pgpass path that does not exist. */
function bareEnvironment(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PGPASSFILE: path.join(folder(), 'no-such-pgpass'), ...overrides };
}

async function refusal(setting: string, env: NodeJS.ProcessEnv = bareEnvironment()): Promise<string> {
  return postgresTargetOf(setting, env).then(
    () => 'accepted',
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
}

describe('isPostgresUrl', () => {
  it.each([
    ['postgres://u@h/db', true],
    ['POSTGRESQL://u@h/db', true],
    ['/var/lib/rms-connector/config.sqlite', false],
    ['C:\\ProgramData\\rms\\config.sqlite', false],
    ['postgres.sqlite', false],
  ])('tells %s apart: %s', (setting, expected) => {
    expect(isPostgresUrl(setting)).toBe(expected);
  });
});

describe('postgresTargetOf', () => {
  it('reads a host list, finds the primary by default, and describes the database without a password', async () => {
    const target = await postgresTargetOf(
      'postgres://rmsconnector@db1.contoso.com:5433,db2.contoso.com/rmsconnector',
      bareEnvironment({ CONNECTOR_DATABASE_PASSWORD: 'S3cret!' }),
    );
    expect(target).toEqual({
      hosts: [
        { host: 'db1.contoso.com', port: 5433 },
        { host: 'db2.contoso.com', port: 5432 },
      ],
      database: 'rmsconnector',
      user: 'rmsconnector',
      password: 'S3cret!',
      ssl: false,
      targetSessionAttributes: 'primary',
      connectTimeoutSeconds: 10,
      description: 'postgres://rmsconnector@db1.contoso.com:5433,db2.contoso.com/rmsconnector',
    });
  });

  it('refuses a password in the URL, and never repeats it', async () => {
    const message = await refusal('postgres://rmsconnector:Hunter2-Secret@db1:5432/rmsconnector');
    expect({ message, leaks: message.includes('Hunter2') }).toEqual({
      message:
        'CONNECTOR_DATABASE: the URL holds a password. Remove it from the URL and set CONNECTOR_DATABASE_PASSWORD, or put it in a pgpass file (PGPASSFILE or ~/.pgpass).',
      leaks: false,
    });
  });

  it('takes the password of the first matching pgpass line, with wildcards and escaped colons', async () => {
    const file = path.join(folder(), 'pgpass');
    writeFileSync(file, ['# comment', 'other:5432:*:rmsconnector:wrong', 'db1:5432:*:rmsconnector:pa\\:ss', '*:*:*:*:fallback', ''].join('\n'), {
      mode: 0o600,
    });
    const target = await postgresTargetOf('postgres://rmsconnector@db1,db2/rmsconnector', { PGPASSFILE: file });
    expect(target.password).toBe('pa:ss');
  });

  it('refuses a pgpass file other users may read', async () => {
    const file = path.join(folder(), 'pgpass');
    writeFileSync(file, '*:*:*:*:secret\n');
    chmodSync(file, 0o644);
    expect(await refusal('postgres://rmsconnector@db1/rmsconnector', { PGPASSFILE: file })).toBe(
      `CONNECTOR_DATABASE: the password file ${file} may be read by other users. Run chmod 0600 ${file}.`,
    );
  });

  it('connects over TLS with the CA of sslrootcert, checking the certificate', async () => {
    const file = path.join(folder(), 'ca.pem');
    writeFileSync(file, (await createCertificateAuthority({ commonName: 'Contoso Database CA' })).certPem);
    const target = await postgresTargetOf(
      `postgres://rmsconnector@db1/rmsconnector?sslmode=verify-full&sslrootcert=${encodeURIComponent(file)}`,
      bareEnvironment(),
    );
    expect(target.ssl).toEqual({ ca: expect.stringContaining('-----BEGIN CERTIFICATE-----'), rejectUnauthorized: true });
  });

  it.each([
    ['postgres://rmsconnector@db1/rmsconnector?sslmode=require', 'CONNECTOR_DATABASE: sslmode=require would accept any certificate or none.'],
    [
      'postgres://rmsconnector@db1,db2/rmsconnector?target_session_attrs=read-write',
      'CONNECTOR_DATABASE: target_session_attrs=read-write lets a hot standby through',
    ],
    ['postgres://rmsconnector@db1/rmsconnector?options=-c%20search_path%3Devil', 'CONNECTOR_DATABASE: the URL parameter "options" is not supported.'],
    ['postgres://rmsconnector@db1/rmsconnector?connect_timeout=0', 'CONNECTOR_DATABASE: connect_timeout=0 is not a number of seconds from 1 to 300.'],
    ['postgres://rmsconnector@db1:99999/rmsconnector', 'CONNECTOR_DATABASE: "db1:99999" is not a host or host:port.'],
    ['postgres://rmsconnector@/rmsconnector', 'CONNECTOR_DATABASE: the URL names no host.'],
    ['postgres://rmsconnector@db1', 'CONNECTOR_DATABASE: the URL names no database after the hosts.'],
    ['postgres://db1/rmsconnector', 'CONNECTOR_DATABASE: the URL names no user.'],
    ['postgres://rmsconnector@db1/rms%E0connector', 'CONNECTOR_DATABASE: the database name in the URL is not valid percent-encoding.'],
    ['postgres://rmsconnector@db1/rmsconnector?sslrootcert=%2Fno%2Fsuch%2Fca.pem', 'CONNECTOR_DATABASE: sslrootcert: '],
    [
      'postgres://rmsconnector@10.0.0.5/rmsconnector?sslmode=verify-full',
      "CONNECTOR_DATABASE: sslmode=verify-full checks the server's certificate against its host name; give 10.0.0.5 by the name",
    ],
  ])('refuses %s, saying what to fix', async (setting, start) => {
    expect(await refusal(setting)).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});
