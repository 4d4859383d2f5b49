import { DirectoryError } from './directory-error.ts';

/** A validated LDAP endpoint. */
export type LdapEndpoint = { readonly scheme: 'ldap' | 'ldaps'; readonly host: string; readonly port: number; readonly url: string };

/**
 * Parse and check an LDAP server URL: scheme, host and port only.
 *
 * Credentials, paths and queries in the URL are refused rather than ignored, so nothing the
 * admin typed is silently dropped.
 */
export function parseLdapUrl(text: string): LdapEndpoint {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DirectoryError('INVALID_INPUT', `"${text}" is not an LDAP URL. Use ldaps://dc01.contoso.com or ldap://dc01.contoso.com with StartTLS.`);
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme !== 'ldap' && scheme !== 'ldaps') {
    throw new DirectoryError('INVALID_INPUT', `The URL scheme "${scheme}:" is not LDAP. Use ldaps:// (port 636) or ldap:// with StartTLS (port 389).`);
  }
  if (url.username || url.password || (url.pathname !== '' && url.pathname !== '/') || url.search || url.hash) {
    throw new DirectoryError('INVALID_INPUT', 'Give the LDAP URL as scheme, host and port only (no user, path or query).');
  }
  if (url.hostname === '') throw new DirectoryError('INVALID_INPUT', 'The LDAP URL has no host name.');
  const port = url.port === '' ? (scheme === 'ldaps' ? 636 : 389) : Number(url.port);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { scheme, host, port, url: `${scheme}://${url.host}` };
}
