import { kinitAs, testRealm } from '../../../core/kerberos/testing/test-realm.ts';

/** The test domain's Kerberos realm as a service test uses it. */
export type KerberosTestRealm = {
  /** `CORP.CONTOSO.TEST`. */
  readonly realm: string;
  /** The krb5.conf of the test realm (loopback KDC, no DNS). */
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

/** The realm the integration global setup published (`inject('kerberosRealm')`), with kinit. */
export function kerberosTestRealm(): KerberosTestRealm {
  const realm = testRealm();
  return {
    realm: realm.realm,
    krb5Config: realm.krb5Config,
    keytab: realm.keytab,
    httpServicePrincipal: realm.httpServicePrincipal,
    ldapServicePrincipal: realm.ldapServicePrincipal,
    kinit: (account, password, cache, lifetime) => kinitAs(account, password, cache, lifetime === undefined ? {} : { lifetime }),
  };
}
