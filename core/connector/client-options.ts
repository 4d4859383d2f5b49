import { CaFileError, describeCaFileRefusal, readCaFile } from '../tls/read-ca-file.ts';
import { ConnectorError } from './connector-error.ts';
import { resolveProxySettings } from './proxy-settings.ts';
import type { ProxyOption, ProxySettings } from './proxy-settings.ts';

/** How to reach the connector configuration service, and as whom. */
export type ConnectorClientOptions = {
  /** `https://connector.contoso.com` (a path prefix is kept); `http://` only for this computer. */
  readonly baseUrl: string | URL;
  /** The token from `signIn`; sent as `Authorization: Bearer` on routes that need it. */
  readonly token?: string | undefined;
  /** Each attempt is aborted after this long. Default 15000. */
  readonly timeoutMs?: number | undefined;
  /** Extra attempts for requests that are safe to repeat. Default 2. */
  readonly retries?: number | undefined;
  /** Default `'environment'` (HTTPS_PROXY / HTTP_PROXY / NO_PROXY from `env`). */
  readonly proxy?: ProxyOption | undefined;
  /** An extra CA to trust for the service (PEM), added to the system roots; see {@link readServiceCaFile}. */
  readonly caPem?: string | undefined;
  /**
   * A PEM file of an extra CA to trust instead of `caPem`, read asynchronously before the
   * first request (a refusal then fails that request). Callers that want the refusal at once
   * read it first with {@link readServiceCaFile} and pass `caPem`.
   */
  readonly caFile?: string | undefined;
  /** Where the proxy variables are read. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv | undefined;
  /** Sent as `User-Agent`. Default `rms-connector-admin`. */
  readonly userAgent?: string | undefined;
};

/** {@link ConnectorClientOptions} checked, with defaults applied (a CA file is read later, by the client). */
export type ResolvedClientOptions = {
  readonly baseUrl: URL;
  readonly token: string | undefined;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly proxy: ProxySettings;
  readonly caPem: string | undefined;
  readonly userAgent: string;
};

const LOOPBACK_HOST = /^(?:localhost|.+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
const HEADER_VALUE = /^[\x21-\x7e]+$/;

/**
 * Check every option once, at client creation, so a wrong setting fails before any call.
 *
 * Plain `http://` is refused except to this computer: the client sends the admin's password
 * and a bearer token, and the directory layer refuses plaintext passwords for the same reason.
 */
export function resolveClientOptions(options: ConnectorClientOptions): ResolvedClientOptions {
  const baseUrl = parseBaseUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? 15_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new ConnectorError('INVALID_OPTIONS', 'The timeout must be a whole number of milliseconds above 0.');
  const retries = options.retries ?? 2;
  if (!Number.isInteger(retries) || retries < 0 || retries > 10)
    throw new ConnectorError('INVALID_OPTIONS', 'The number of retries must be a whole number from 0 to 10.');
  const userAgent = options.userAgent ?? 'rms-connector-admin';
  if (!/^[\x20-\x7e]+$/.test(userAgent)) throw new ConnectorError('INVALID_OPTIONS', 'The user agent must be printable ASCII text.');
  if (options.caPem !== undefined && options.caFile !== undefined)
    throw new ConnectorError('INVALID_OPTIONS', 'Give the CA as a file or as PEM text, not both.');
  return {
    baseUrl,
    token: options.token === undefined ? undefined : checkToken(options.token),
    timeoutMs,
    retries,
    proxy: resolveProxySettings(options.proxy ?? 'environment', options.env ?? process.env),
    caPem: options.caPem,
    userAgent,
  };
}

/**
 * Check a bearer token can travel in a header, without ever quoting it.
 *
 * undici would refuse a token with a line break later, at the first call, with a less
 * helpful message; the token itself never appears in either.
 */
export function checkToken(token: string): string {
  if (!HEADER_VALUE.test(token))
    throw new ConnectorError('INVALID_OPTIONS', 'The token is empty or holds spaces or control characters. Sign in again to get a new one.');
  return token;
}

/** Check a header value the caller gives (an ETag, an Idempotency-Key) is sendable. */
export function checkHeaderValue(value: string, what: string): string {
  if (!/^[\x20-\x7e]+$/.test(value) || value.trim() !== value)
    throw new ConnectorError('INVALID_OPTIONS', `${what} must be printable ASCII text without leading or trailing spaces.`);
  return value;
}

function parseBaseUrl(value: string | URL): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConnectorError('INVALID_OPTIONS', 'The service address is not a URL. Give it as https://connector.contoso.com.');
  }
  if (url.username !== '' || url.password !== '')
    throw new ConnectorError('INVALID_OPTIONS', 'The service address carries a user name or password. Give only https://host[:port]; sign in with signIn.');
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConnectorError('INVALID_OPTIONS', `The service address "${url.href}" is not an https:// address.`);
  if (url.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname)) {
    throw new ConnectorError(
      'INVALID_OPTIONS',
      `The service address "${url.href}" is plain http://, which would send the password and token unencrypted. Use https://.`,
    );
  }
  if (url.search !== '' || url.hash !== '')
    throw new ConnectorError('INVALID_OPTIONS', `The service address "${url.href}" has a query or fragment. Give only https://host[:port][/prefix].`);
  return url;
}

/**
 * Read the service's CA file with the one safe reader, refusing in the client's terms.
 *
 * `INVALID_OPTIONS` with the path and the reason: this is for the admin's own tools (the
 * CLI); the console reads CA files itself and words its refusals without either.
 */
export async function readServiceCaFile(path: string, signal?: AbortSignal): Promise<string> {
  try {
    return (await readCaFile(path, { signal })).pem;
  } catch (error) {
    if (error instanceof CaFileError) throw new ConnectorError('INVALID_OPTIONS', describeCaFileRefusal(path, error), { cause: error });
    throw error;
  }
}
