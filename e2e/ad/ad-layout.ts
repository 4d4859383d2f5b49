import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contosoDomain } from '../../main/demo/contoso/contoso-domain.ts';

/**
 * Fixed identity of the test domain: the Contoso names the demo directory shares, plus the
 * Samba DC's administrator and address.
 *
 * Everything is deterministic so test expectations (DNs, UPNs, the TLS server name) can be
 * written as literals; the host name pins the CN of Samba's self-signed certificate.
 */
export const domain = {
  ...contosoDomain,
  administrator: 'Administrator@corp.contoso.test',
  // A throwaway DC on loopback: a fixed password keeps reruns reproducible.
  administratorPassword: 'Admin-Passw0rd!',
  ldapsUrl: 'ldaps://127.0.0.1:636',
} as const;

/**
 * Bumped whenever the seeded scenario changes, so stale domains get rebuilt instead of reused.
 *
 * The ready marker records the version it was seeded with; a mismatch means "half provisioned".
 */
export const seedVersion = 'rmsadmin-ad-seed-2026-12-06.1';

/**
 * Files and folders of one domain controller state directory.
 *
 * Keeping every path in one place lets the CLI, the lifecycle code and the seeder agree.
 */
export type AdLayout = {
  directory: string;
  sentinelFile: string;
  configFile: string;
  samDatabase: string;
  caFile: string;
  logDirectory: string;
  logFile: string;
  pidDirectory: string;
  pidFile: string;
  readyFile: string;
  lockFile: string;
};

/**
 * Resolve the state directory layout, honouring `RMSADMIN_AD_DIR`.
 *
 * The default lives in the repository's git-ignored `.cache`, so it survives between runs
 * and is shared by the CLI and by test setup code.
 */
export function adLayout(directory = defaultDirectory()): AdLayout {
  const logDirectory = path.join(directory, 'log');
  const pidDirectory = path.join(directory, 'run');
  return {
    directory,
    sentinelFile: path.join(directory, 'rmsadmin-ad-state'),
    configFile: path.join(directory, 'etc', 'smb.conf'),
    samDatabase: path.join(directory, 'private', 'sam.ldb'),
    caFile: path.join(directory, 'private', 'tls', 'ca.pem'),
    logDirectory,
    logFile: path.join(logDirectory, 'samba.log'),
    pidDirectory,
    pidFile: path.join(pidDirectory, 'samba.pid'),
    readyFile: path.join(directory, 'ready.json'),
    // Beside the directory, not inside it, because a rebuild wipes the directory.
    lockFile: `${directory}.lock`,
  };
}

function defaultDirectory(): string {
  const fromEnvironment = process.env['RMSADMIN_AD_DIR'];
  if (fromEnvironment !== undefined && fromEnvironment !== '') {
    return path.resolve(fromEnvironment);
  }
  const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  return path.join(repository, '.cache', 'ad');
}
