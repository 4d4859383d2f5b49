import { isIP } from 'node:net';

/** A `ProxyAddress` value split into host and port, or what is wrong with it. */
export type ProxyAddress = { readonly ok: true; readonly host: string; readonly port: number } | { readonly ok: false; readonly reason: string };

const DNS_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * Check a `ProxyAddress` registry value against the documented form `http://host:port`.
 *
 * Strict on purpose: the connector reads the value as it is, and the common mistakes
 * (a missing port, https://, a trailing path, credentials, a stray space pasted with the
 * value) all leave the connector without internet access (event 3001).
 */
export function parseProxyAddress(value: string): ProxyAddress {
  const example = 'The documented form is http://<proxy name or IP address>:<port>, e.g. http://proxy.contoso.com:8080.';
  if (value !== value.trim()) return { ok: false, reason: `it has leading or trailing white space. ${example}` };
  if ([...value].some((character) => character.trim() === '' || character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f))
    return { ok: false, reason: `it contains spaces or control characters. ${example}` };
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(value);
  if (!match) return { ok: false, reason: `it has no scheme. ${example}` };
  const [, scheme = '', rest = ''] = match;
  if (scheme.toLowerCase() !== 'http')
    return {
      ok: false,
      reason: `its scheme is ${scheme}://, not http:// (the connector talks to the proxy in plain HTTP and tunnels HTTPS through it). ${example}`,
    };
  if (rest.includes('@')) return { ok: false, reason: `it carries a user name or password, which the connector does not use. ${example}` };
  const hostPort = /^(\[[^\]]*\]|[^:/?#[\]]+):(\d{1,5})$/i.exec(rest);
  if (!hostPort) {
    if (/[/?#]/.test(rest)) return { ok: false, reason: `it has a path, query or trailing slash; the value is only a host and a port. ${example}` };
    return { ok: false, reason: `it has no port. ${example}` };
  }
  const [, host = '', portText = ''] = hostPort;
  const port = Number(portText);
  if (port < 1 || port > 65_535) return { ok: false, reason: `port ${portText} is outside 1-65535. ${example}` };
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  if (isIP(bare) === 0 && !DNS_NAME.test(bare)) return { ok: false, reason: `"${host}" is not a host name or IP address. ${example}` };
  if (host.startsWith('[') && isIP(bare) !== 6) return { ok: false, reason: `"${host}" is not an IPv6 address. ${example}` };
  return { ok: true, host: bare, port };
}
