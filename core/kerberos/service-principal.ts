import { KerberosError } from './kerberos-error.ts';

/** The services this product asks tickets for: the DC's LDAP and a connector node's HTTP. */
export type KerberosService = 'ldap' | 'HTTP';

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/**
 * `service/host`, the form `setspn` registers and an admin reads.
 *
 * The host must be a fully qualified DNS name: Kerberos names a service by it, and an IP address
 * or a short name would ask the KDC for a principal no DC registers.
 */
export function servicePrincipalName(service: KerberosService, host: string): string {
  const name = host.trim().replace(/\.$/, '');
  if (!HOST_NAME.test(name) || /^[\d.]+$/.test(name)) {
    throw new KerberosError('KERBEROS_NO_SUCH_PRINCIPAL', {
      principal: `${service}/${host}`,
      detail: `Kerberos needs the server's fully qualified DNS name (as in its certificate), not "${host}".`,
    });
  }
  return `${service}/${name.toLowerCase()}`;
}

/** The target name GSS-API expects (`service@host`, host-based) or SSPI expects (`service/host`). */
export function gssTargetOf(principal: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? principal : principal.replace('/', '@');
}

/** A client principal split into its name and realm: `alice@CORP.CONTOSO.TEST`. */
export type ClientPrincipal = { readonly name: string; readonly realm: string };

/** Split `name@REALM`; a principal with an instance (`host/…`) or no realm is not a user's. */
export function parseClientPrincipal(principal: string): ClientPrincipal | undefined {
  const at = principal.lastIndexOf('@');
  if (at <= 0 || at === principal.length - 1) return undefined;
  const name = principal.slice(0, at);
  const realm = principal.slice(at + 1);
  if (name.includes('/') || name.includes('\\')) return undefined;
  return { name, realm };
}
