import { ConnectorError } from './connector-error.ts';
import { EXPIRED_CERTIFICATE_CODES, UNTRUSTED_CERTIFICATE_CODES } from '../tls/certificate-error-codes.ts';

/** What a failure message may name: the service's address and the proxy in the way. */
export type FailureContext = {
  /** The service's origin, e.g. `https://connector.contoso.com`. */
  readonly origin: string;
  /** The proxy a connection failed to reach, when it was one. */
  readonly failedProxy: URL | undefined;
  /** The proxy requests to the service would go through, when any. */
  readonly candidateProxy: URL | undefined;
  /** Whether NO_PROXY may exempt the service from that proxy (undici decides per request). */
  readonly proxyMayBeBypassed: boolean;
};

// An invalid CA in the chain is reported only by the HTTPS stack's checks, so it joins the shared list here.
const UNTRUSTED_CODES: ReadonlySet<string> = new Set([...UNTRUSTED_CERTIFICATE_CODES, 'INVALID_CA']);
const EXPIRED_CODES = EXPIRED_CERTIFICATE_CODES;
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const PROXY_ANSWER = /^Proxy (?:response \((\d{3})\)|Authentication Required \((\d{3})\))/;

type Cause = { readonly code: string | undefined; readonly message: string };

/**
 * Map an undici or Node network error to a {@link ConnectorError} with the matching code.
 *
 * The message names the address (and the proxy) and the setting to check, in the words of
 * the admin who runs the console; the original error stays as `cause` for `--verbose`.
 */
export function classifyTransportFailure(error: unknown, context: FailureContext): ConnectorError {
  const causes = causeChain(error);
  const codes = new Set(causes.flatMap((cause) => (cause.code === undefined ? [] : [cause.code])));
  const reason = causes.at(-1)?.message ?? String(error);
  const fields = { cause: error };
  if (context.failedProxy) {
    return new ConnectorError(
      'PROXY_FAILED',
      `The web proxy ${context.failedProxy.origin} could not be reached (${reason}). Check the proxy address (the proxy setting, or HTTPS_PROXY/HTTP_PROXY) and that the proxy is running, or choose no proxy if ${context.origin} is reachable directly.`,
      fields,
    );
  }
  const proxyAnswer = causes.map((cause) => PROXY_ANSWER.exec(cause.message)).find((match) => match !== null);
  if (proxyAnswer) {
    const status = proxyAnswer[1] ?? proxyAnswer[2] ?? '?';
    const proxy = context.candidateProxy?.origin ?? 'the web proxy';
    const advice =
      status === '407'
        ? 'It asks for proxy credentials, which this client does not send: ask for this address to be allowed without sign-in.'
        : status === '403'
          ? `Ask for connections to ${context.origin} to be allowed.`
          : `Check that the service is running and that the proxy may reach it.`;
    return new ConnectorError(
      'PROXY_FAILED',
      `The web proxy ${proxy} did not open a connection to ${context.origin} (it answered ${status}). ${advice}`,
      fields,
    );
  }
  if (codes.has('UND_ERR_PRX_CONN')) {
    const proxy = context.candidateProxy?.origin ?? 'the web proxy';
    return new ConnectorError(
      'PROXY_FAILED',
      `The web proxy ${proxy} closed the connection before opening one to ${context.origin} (${reason}). Check that the proxy is running and allows this address.`,
      fields,
    );
  }
  if (codes.has('UND_ERR_INVALID_ARG')) {
    return new ConnectorError('INVALID_OPTIONS', `The request could not be built (${reason}).`, fields);
  }
  if (codes.has('ERR_TLS_CERT_ALTNAME_INVALID')) {
    return new ConnectorError(
      'TLS_NAME_MISMATCH',
      `The certificate of ${context.origin} does not carry this server name (${reason}). Use the address the certificate names, or have the certificate reissued with this name.`,
      fields,
    );
  }
  if (hasAny(codes, UNTRUSTED_CODES)) {
    return new ConnectorError(
      'TLS_UNTRUSTED',
      // Node's hint to run with --use-system-ca is dropped: the system store is already trusted.
      `The certificate of ${context.origin} is not trusted (${reason.split(';')[0] ?? reason}). Give the CA file of the certificate authority that issued it (for an enterprise CA, export its root certificate as Base-64 .cer/.pem).`,
      fields,
    );
  }
  if (hasAny(codes, EXPIRED_CODES)) {
    return new ConnectorError(
      'TLS_UNTRUSTED',
      `The certificate of ${context.origin} has expired or is not yet valid (${reason}). Renew the service's certificate, or check this computer's clock.`,
      fields,
    );
  }
  if (hasAny(codes, TIMEOUT_CODES)) {
    return new ConnectorError('TIMEOUT', `${context.origin} did not answer in time (${reason}). ${pathAdvice(context)}`, fields);
  }
  return new ConnectorError(
    'UNREACHABLE',
    `The connector configuration service at ${context.origin} could not be reached (${reason}). ${pathAdvice(context)}`,
    fields,
  );
}

/** The failure of an attempt that ran out of time, named with the path it took. */
export function timeoutFailure(context: FailureContext, timeoutMs: number, cause: unknown): ConnectorError {
  return new ConnectorError(
    'TIMEOUT',
    `${context.origin} did not answer within ${formatSeconds(timeoutMs)}. ${pathAdvice(context)} If the service is only slow, raise the timeout.`,
    { cause },
  );
}

function pathAdvice(context: FailureContext): string {
  const proxy = context.candidateProxy?.origin;
  if (proxy === undefined)
    return 'Check the address, that the service is running, the firewall; if this computer reaches it only through a web proxy, set the proxy.';
  const unless = context.proxyMayBeBypassed ? ' (unless NO_PROXY exempts this address)' : '';
  return `Check the address, that the service is running, the firewall, and that the web proxy ${proxy} can reach it${unless}.`;
}

function hasAny(codes: ReadonlySet<string>, wanted: ReadonlySet<string>): boolean {
  return [...codes].some((code) => wanted.has(code));
}

function formatSeconds(milliseconds: number): string {
  return milliseconds % 1000 === 0 ? `${milliseconds / 1000} s` : `${milliseconds} ms`;
}

function causeChain(error: unknown): Cause[] {
  const causes: Cause[] = [];
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 8; depth += 1) {
    const code = (current as { code?: unknown }).code;
    // An AggregateError (happy eyeballs tried IPv4 and IPv6) carries the useful code inside.
    const inner = current instanceof AggregateError ? (current.errors as unknown[]).find((item) => item instanceof Error) : undefined;
    causes.push({ code: typeof code === 'string' ? code : undefined, message: current.message || (typeof code === 'string' ? code : current.name) });
    current = current.cause ?? inner;
  }
  return causes;
}
