import type { TestProject } from 'vitest/node';
import { adLayout } from './ad/ad-layout.ts';
import { ensureDomainController } from './ad/domain-controller.ts';
import { kerberosFilesOf, kerberosRealm } from './ad/kerberos-realm.ts';
import { ensurePrimaryCluster } from './postgres/postgres-cluster.ts';

declare module 'vitest' {
  // Vitest's provide/inject typing is an interface meant to be merged; a type alias cannot be.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    adConnection: string;
    kerberosRealm: string;
    postgresConnection: string;
  }
}

/**
 * Start (or reuse) the Samba test domain controller and the primary PostgreSQL test cluster once
 * for the integration project, and hand their connections to the tests through
 * `inject('adConnection')`, `inject('kerberosRealm')` and `inject('postgresConnection')`.
 *
 * Both start in parallel: they share nothing, and a cold start of each takes seconds.
 */
export default async function setup(project: TestProject): Promise<void> {
  const [adConnection, postgresConnection] = await Promise.all([
    ensureDomainController({ log: (line) => process.stderr.write(`[ad] ${line}\n`) }),
    ensurePrimaryCluster({ log: (line) => process.stderr.write(`[postgres] ${line}\n`) }),
  ]);
  project.provide('adConnection', JSON.stringify(adConnection));
  project.provide('kerberosRealm', JSON.stringify({ ...kerberosRealm, ...kerberosFilesOf(adLayout()) }));
  project.provide('postgresConnection', JSON.stringify(postgresConnection));
}
