import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { adTestConnection } from '../../../core/directory/testing/ad-test-connection.ts';

const execFileAsync = promisify(execFile);

/** The test domain's Kerberos realm as a service test uses it. */
export type KerberosTestRealm = {
  /** `CORP.CONTOSO.TEST`. */
  readonly realm: string;
  /** The krb5.conf the DC's state directory holds (loopback KDC, no DNS). */
  readonly krb5Config: string;
  /** The keytab of {@link httpServicePrincipal}, exported with samba-tool when the DC was built. */
  readonly keytab: string;
  /** A connector node's HTTP service principal, registered on svc-rmsconnector. */
  readonly httpServicePrincipal: string;
  /** The DC's LDAP service principal: a ticket for another service than the node's. */
  readonly ldapServicePrincipal: string;
  /** `kinit account@REALM` into `cache` (the password on standard input), optionally with a short lifetime (`5s`). */
  kinit(account: string, password: string, cache: string, lifetime?: string): Promise<void>;
};

/**
 * The realm files of the seeded DC, found beside the CA file the global setup published.
 *
 * The names are e2e/ad/kerberos-realm.ts's (which product code and its tests may not import):
 * the DC's state directory holds `private/tls/ca.pem`, `krb5.conf` and `rmscon01-http.keytab`.
 */
export function kerberosTestRealm(): KerberosTestRealm {
  const connection = adTestConnection();
  const directory = path.resolve(path.dirname(connection.caFile), '..', '..');
  const dnsName = connection.baseDn
    .split(',')
    .map((part) => part.replace(/^DC=/i, ''))
    .join('.')
    .toLowerCase();
  const realm = dnsName.toUpperCase();
  const krb5Config = path.join(directory, 'krb5.conf');
  return {
    realm,
    krb5Config,
    keytab: path.join(directory, 'rmscon01-http.keytab'),
    httpServicePrincipal: `HTTP/rmscon01.${dnsName}`,
    ldapServicePrincipal: `ldap/${connection.serverName.toLowerCase()}`,
    async kinit(account, password, cache, lifetime) {
      const parameters = [...(lifetime === undefined ? [] : ['-l', lifetime]), `${account}@${realm}`];
      const child = execFileAsync('kinit', parameters, { env: { ...process.env, KRB5_CONFIG: krb5Config, KRB5CCNAME: `FILE:${cache}` }, timeout: 30_000 });
      child.child.stdin?.end(`${password}\n`);
      try {
        await child;
      } catch (error) {
        const output = error as { stderr?: string; stdout?: string };
        throw new Error(`kinit ${account} failed: ${`${output.stderr ?? ''}${output.stdout ?? ''}`.trim()}`, { cause: error });
      }
    },
  };
}
