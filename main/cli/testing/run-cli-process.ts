import { spawnSync } from 'node:child_process';
import { adTestConnection } from '../../core/directory/testing/ad-test-connection.ts';

/** What one run of the real command line produced. */
export type CliRun = { status: number | null; stdout: string; stderr: string };

/**
 * Run `bin/rms-connector-admin.js` as a separate process against the test DC.
 *
 * The connection comes from `RMSADMIN_LDAP_*` variables; a test overrides or removes one by
 * passing it (undefined removes it). Only PATH is inherited, so nothing else leaks in.
 */
export function runCliProcess(args: readonly string[], options: { env?: Record<string, string | undefined>; input?: string } = {}): CliRun {
  const connection = adTestConnection();
  const env = {
    PATH: process.env.PATH,
    RMSADMIN_LDAP_URL: connection.url,
    RMSADMIN_LDAP_CA: connection.caFile,
    RMSADMIN_LDAP_SERVERNAME: connection.serverName,
    RMSADMIN_LDAP_USER: connection.user,
    RMSADMIN_LDAP_PASSWORD: connection.password,
    ...options.env,
  };
  const result = spawnSync(process.execPath, ['bin/rms-connector-admin.js', ...args], {
    env: Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
