import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { domain, type AdLayout } from './ad-layout.ts';
import { runSambaTool } from './samba-commands.ts';

const execFileAsync = promisify(execFile);

/**
 * The test domain's Kerberos realm as the tests use it: the DC's LDAP service principal, a
 * connector node's HTTP service principal with its keytab, and a krb5.conf of the project's own.
 *
 * Nothing system-wide is read or written: every Kerberos tool and library the tests run gets
 * `KRB5_CONFIG` (this krb5.conf: the realm in capitals, `kdc = 127.0.0.1`, no DNS, no reverse
 * look-ups) and a `KRB5CCNAME` of its own under the state directory.
 */
export const kerberosRealm = {
  realm: domain.realm,
  /** What a client asks a ticket for when it binds to the DC by its name (the certificate's). */
  ldapServicePrincipal: `ldap/${domain.hostName.toLowerCase()}.${domain.dnsName}`,
  /** A connector node's HTTP service principal, registered on its service account. */
  httpServicePrincipal: `HTTP/rmscon01.${domain.dnsName}`,
  /** The account that holds the HTTP principal (a service account, as setspn would use). */
  serviceAccount: 'svc-rmsconnector',
  serviceAccountPassword: 'Svc-Kerberos-Passw0rd!',
} as const;

/** Where the realm's files live in a DC's state directory (a rebuild writes them). */
export function kerberosFilesOf(layout: AdLayout): { readonly krb5Config: string; readonly keytab: string } {
  return { krb5Config: path.join(layout.directory, 'krb5.conf'), keytab: path.join(layout.directory, 'rmscon01-http.keytab') };
}

/**
 * Register the service principals, export the HTTP keytab and write krb5.conf, on the stopped
 * DC's database (after the offline seed). One line per step for the progress log.
 *
 * Provisioning without Samba's dnsupdate task leaves the DC without `ldap/` principals, which a
 * client binding with Kerberos asks a ticket for: they are added to the DC's account here.
 */
export async function seedKerberos(layout: AdLayout): Promise<string[]> {
  const files = kerberosFilesOf(layout);
  const dcAccount = `${domain.hostName}$`;
  const samba = (parameters: readonly string[]) => runSambaTool(layout, 'samba-tool', parameters);
  for (const principal of [kerberosRealm.ldapServicePrincipal, `ldap/${domain.hostName}`]) {
    await samba(['spn', 'add', principal, dcAccount, '-H', layout.samDatabase]);
  }
  await samba(['user', 'create', kerberosRealm.serviceAccount, kerberosRealm.serviceAccountPassword, '-H', layout.samDatabase]);
  await samba(['spn', 'add', kerberosRealm.httpServicePrincipal, kerberosRealm.serviceAccount, '-H', layout.samDatabase]);
  await samba(['domain', 'exportkeytab', files.keytab, `--principal=${kerberosRealm.httpServicePrincipal}`]);
  await writeFile(files.krb5Config, krb5Conf());
  return [
    `service principals ${kerberosRealm.ldapServicePrincipal} and ldap/${domain.hostName} on ${dcAccount}`,
    `${kerberosRealm.httpServicePrincipal} on ${kerberosRealm.serviceAccount}, keytab ${path.basename(files.keytab)}`,
    `krb5.conf: realm ${kerberosRealm.realm}, kdc 127.0.0.1`,
  ];
}

/** The krb5.conf every test's Kerberos tool or library reads: the loopback KDC, no DNS at all. */
function krb5Conf(): string {
  return [
    '[libdefaults]',
    `  default_realm = ${kerberosRealm.realm}`,
    '  dns_lookup_kdc = false',
    '  dns_lookup_realm = false',
    // The DC is reached at 127.0.0.1 but named by its certificate's name: never canonicalize it.
    '  rdns = false',
    '  dns_canonicalize_hostname = false',
    '[realms]',
    `  ${kerberosRealm.realm} = {`,
    '    kdc = 127.0.0.1',
    '  }',
    '[domain_realm]',
    `  .${domain.dnsName} = ${kerberosRealm.realm}`,
    `  ${domain.dnsName} = ${kerberosRealm.realm}`,
    '',
  ].join('\n');
}

/** The environment of a Kerberos client of the test realm with its own credential cache. */
export function kerberosEnvironment(layout: AdLayout, credentialCache: string): NodeJS.ProcessEnv {
  return { ...process.env, KRB5_CONFIG: kerberosFilesOf(layout).krb5Config, KRB5CCNAME: `FILE:${credentialCache}` };
}

/**
 * `kinit` as a seeded account into `credentialCache`, the password on standard input.
 *
 * Resolves to kinit's output; rejects with it (the KDC's reason) when the KDC refuses.
 */
export async function kinit(layout: AdLayout, account: string, password: string, credentialCache: string): Promise<string> {
  return runKerberosTool('kinit', [`${account}@${kerberosRealm.realm}`], kerberosEnvironment(layout, credentialCache), `${password}\n`);
}

/** Run one of MIT's tools (`klist`, `kvno`, `kinit`) and resolve to its output. */
export async function runKerberosTool(command: string, parameters: readonly string[], env: NodeJS.ProcessEnv, input?: string): Promise<string> {
  const child = execFileAsync(command, [...parameters], { env, timeout: 30_000 });
  if (input !== undefined) child.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await child;
    return `${stdout}${stderr}`;
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string; message?: string };
    throw new Error(`${command} failed: ${`${output.stderr ?? ''}${output.stdout ?? ''}`.trim() || (output.message ?? '')}`, { cause: error });
  }
}
