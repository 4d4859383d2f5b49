import net from 'node:net';
import { hasControlCharacter } from './control-characters.ts';
import type { InputIssue, InputIssueCode } from './config-issues.ts';

/** The pieces of an `http(s)://host[:port][/path]` URL, split without any normalisation. */
export type UrlParts = {
  readonly scheme: 'http' | 'https';
  /** Lower-case host name, dotted IPv4, or bracketed IPv6. */
  readonly host: string;
  readonly hostKind: 'name' | 'ipv4' | 'ipv6';
  /** The port as typed, when one was. */
  readonly port: number | undefined;
  /** Everything after the authority, without query or fragment (they are refused). */
  readonly path: string;
};

/** Longest URL accepted: a 253-character DNS name with scheme, port and a short path fits. */
export const MAX_URL_LENGTH = 300;

const QUOTE = /["'`\u2018-\u201f]/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Split a typed URL into its parts, refusing anything that could smuggle text into a .reg
 * file or a script, and anything that is not a plain `http(s)://host` address.
 *
 * A hand-written splitter, not WHATWG `URL`: `URL` silently rewrites backslashes, decodes
 * percent-escapes and converts Unicode host names to punycode, so the admin would deploy
 * something other than what they typed and saw.
 */
export function splitHttpUrl(
  typed: string,
  field: InputIssue['field'],
  what: string,
  example: string,
): { ok: true; parts: UrlParts } | { ok: false; issue: InputIssue } {
  const refuse = (code: InputIssueCode, message: string) => ({ ok: false as const, issue: { code, field, message } });
  const text = typed.replace(/^ +| +$/g, '');
  if (text === '') return refuse('URL_MISSING', `Type the ${what}, for example ${example}.`);
  if (text.length > MAX_URL_LENGTH)
    return refuse(
      'URL_TOO_LONG',
      `The ${what} is ${text.length} characters long; it is a scheme and a DNS name (at most ${MAX_URL_LENGTH} characters in all), for example ${example}.`,
    );
  if (hasControlCharacter(text))
    return refuse('URL_CONTROL_CHARACTER', `The ${what} contains a line break or another control character. Type it on one line, for example ${example}.`);
  if (QUOTE.test(text)) return refuse('URL_QUOTE', `The ${what} contains a quotation mark. Type the address without quotes, for example ${example}.`);
  if (/\s/.test(text)) return refuse('URL_WHITESPACE', `The ${what} contains a space. Type the address without spaces, for example ${example}.`);
  if (/[^\x21-\x7e]/.test(text)) {
    return refuse(
      'URL_NON_ASCII',
      `The ${what} contains characters outside plain ASCII (look-alike letters are a common trick). Type the name in ASCII; for an internationalized domain name, type its xn-- (punycode) form.`,
    );
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return refuse('URL_NO_SCHEME', `Start the ${what} with https:// (or http://), for example ${example}.`);
  if (scheme !== 'http' && scheme !== 'https')
    return refuse('URL_SCHEME_NOT_HTTP', `The ${what} must start with https:// or http://, not "${scheme}:". For example ${example}.`);
  if (!text.slice(scheme.length + 1).startsWith('//'))
    return refuse('URL_MALFORMED', `Write the ${what} as ${scheme}:// followed by the host name, for example ${example}.`);
  if (text.includes('\\')) return refuse('URL_MALFORMED', `The ${what} contains a backslash. URLs use forward slashes only, for example ${example}.`);
  const afterScheme = text.slice(scheme.length + 3);
  const authorityEnd = afterScheme.search(/[/?#]/);
  const authority = authorityEnd === -1 ? afterScheme : afterScheme.slice(0, authorityEnd);
  const rest = authorityEnd === -1 ? '' : afterScheme.slice(authorityEnd);
  if (authority.includes('@')) {
    return refuse(
      'URL_USERINFO',
      `The ${what} carries a user name or password before "@". Remove it: servers sign in with their own Windows account, and a password in a URL ends up in files and logs. For example ${example}.`,
    );
  }
  if (/[?#]/.test(rest))
    return refuse('URL_QUERY_OR_FRAGMENT', `The ${what} has a query ("?") or fragment ("#"). Type only the scheme and host name, for example ${example}.`);
  const hostAndPort = splitPort(authority);
  if (hostAndPort === undefined)
    return refuse('URL_BAD_PORT', `The port in the ${what} is not a number from 1 to 65535. Leave the port out, for example ${example}.`);
  const host = checkHost(hostAndPort.host);
  if (host === undefined) {
    return refuse(
      'URL_BAD_HOST',
      `"${hostAndPort.host}" in the ${what} is not a valid host name (letters, digits and hyphens in dot-separated labels of at most 63 characters). For example ${example}.`,
    );
  }
  return { ok: true, parts: { scheme, host: host.host, hostKind: host.kind, port: hostAndPort.port, path: rest } };
}

function splitPort(authority: string): { host: string; port: number | undefined } | undefined {
  const bracketEnd = authority.startsWith('[') ? authority.indexOf(']') : -1;
  const colon = authority.indexOf(':', bracketEnd + 1);
  if (colon === -1) return { host: authority, port: undefined };
  const digits = authority.slice(colon + 1);
  const port = /^\d{1,5}$/.test(digits) ? Number(digits) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) return undefined;
  return { host: authority.slice(0, colon), port };
}

function checkHost(host: string): { host: string; kind: UrlParts['hostKind'] } | undefined {
  if (host.startsWith('[') && host.endsWith(']')) return net.isIPv6(host.slice(1, -1)) ? { host: host.toLowerCase(), kind: 'ipv6' } : undefined;
  if (IPV4.test(host)) return net.isIPv4(host) ? { host, kind: 'ipv4' } : undefined;
  const name = host.toLowerCase();
  if (name.length === 0 || name.length > 253) return undefined;
  const labels = name.split('.');
  if (!labels.every((label) => LABEL.test(label))) return undefined;
  // An all-numeric last label is not a top-level domain: "10.0.0.300" is a typo, not a name.
  if (/^\d+$/.test(labels.at(-1) ?? '')) return undefined;
  return { host: name, kind: 'name' };
}
