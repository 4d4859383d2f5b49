import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throw-away CA and two server certificates it issued, as PEM text and files. */
export type TestCertificates = {
  /** The CA certificate's file, for the client's `caFile`. */
  readonly caFile: string;
  /** The CA certificate as PEM text, for the client's `caPem`. */
  readonly caPem: string;
  /** A server certificate for `DNS:localhost, IP:127.0.0.1`. */
  readonly server: { readonly key: string; readonly cert: string };
  /** A server certificate for `DNS:elsewhere.test` only, to provoke a name mismatch. */
  readonly elsewhere: { readonly key: string; readonly cert: string };
  remove(): void;
};

/**
 * Generate a CA and server certificates with `openssl` in a temporary directory.
 *
 * Made per run, so no key is checked in and nothing expires in the repository.
 */
export function createTestCertificates(): TestCertificates {
  const directory = mkdtempSync(path.join(tmpdir(), 'connector-tls-'));
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: directory, stdio: 'pipe' });
  };
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ecKey,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Connector Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  const issue = (name: string, subjectAltName: string): { key: string; cert: string } => {
    writeFileSync(
      path.join(directory, `${name}.ext`),
      `subjectAltName=${subjectAltName}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n`,
    );
    openssl('req', ...ecKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
    );
    return { key: readFileSync(path.join(directory, `${name}.key`), 'utf8'), cert: readFileSync(path.join(directory, `${name}.pem`), 'utf8') };
  };
  return {
    caFile: path.join(directory, 'ca.pem'),
    caPem: readFileSync(path.join(directory, 'ca.pem'), 'utf8'),
    server: issue('server', 'DNS:localhost,IP:127.0.0.1'),
    elsewhere: issue('elsewhere', 'DNS:elsewhere.test'),
    remove: () => {
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
