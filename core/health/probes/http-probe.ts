import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import tls from 'node:tls';

/** One GET to make, to an address already resolved. */
export type HttpProbeOptions = {
  readonly url: URL;
  readonly address: string;
  readonly ca: readonly string[];
  /** Host names the certificate may name (the first is also sent as SNI); default the URL's host. */
  readonly acceptedNames?: readonly string[];
  readonly timeoutMs: number;
  /** Stop reading (and report `truncated`) beyond this many bytes. */
  readonly maxBytes: number;
  readonly signal?: AbortSignal | undefined;
};

/** The answer, or why there was none. */
export type HttpProbeResult =
  | { readonly ok: true; readonly status: number; readonly body: Buffer; readonly truncated: boolean; readonly durationMs: number }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly durationMs: number };

/**
 * GET one URL from a given address, with a deadline and a size limit, certificate
 * verification on (for https), and no redirect following.
 *
 * Connecting to the resolved address with the URL's name as Host and SNI is what lets the
 * checks use an injected resolver (tests, or an admin who wants to test one node behind the
 * load-balanced name) without touching the system's DNS.
 */
export function probeHttp(options: HttpProbeOptions): Promise<HttpProbeResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const names = options.acceptedNames ?? [options.url.hostname];
  const secure = options.url.protocol === 'https:';
  const port = options.url.port === '' ? (secure ? 443 : 80) : Number(options.url.port);
  const common = {
    host: options.address,
    port,
    path: `${options.url.pathname}${options.url.search}`,
    method: 'GET',
    headers: { host: options.url.host, 'user-agent': 'rms-connector-admin health', accept: '*/*' },
    agent: false as const,
  };
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: HttpProbeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      request.destroy();
      resolve(result);
    };
    const request = secure
      ? https.request({
          ...common,
          ...(isIP(names[0] ?? '') === 0 ? { servername: names[0] } : {}),
          ca: [...options.ca],
          rejectUnauthorized: true,
          minVersion: 'TLSv1.2',
          checkServerIdentity: (_host, certificate) => acceptAnyName(names, certificate),
        })
      : http.request(common);
    const onAbort = (): void => {
      finish({ ok: false, code: 'ABORTED', message: 'The check was cancelled.', durationMs: elapsed() });
    };
    const timer = setTimeout(() => {
      finish({ ok: false, code: 'ETIMEDOUT', message: `No complete answer within ${String(options.timeoutMs)} ms.`, durationMs: elapsed() });
    }, options.timeoutMs);
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error: NodeJS.ErrnoException) => {
      finish({ ok: false, code: error.code ?? 'ERROR', message: error.message, durationMs: elapsed() });
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          chunks.push(chunk.subarray(0, options.maxBytes - (size - chunk.length)));
          finish({ ok: true, status: response.statusCode ?? 0, body: Buffer.concat(chunks), truncated: true, durationMs: elapsed() });
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => {
        finish({ ok: true, status: response.statusCode ?? 0, body: Buffer.concat(chunks), truncated: false, durationMs: elapsed() });
      });
      response.on('error', (error: NodeJS.ErrnoException) => {
        finish({ ok: false, code: error.code ?? 'ERROR', message: error.message, durationMs: elapsed() });
      });
    });
    request.end();
  });
}

/** Node's own host-name check, passing when the certificate names any of `names`. */
function acceptAnyName(names: readonly string[], certificate: tls.PeerCertificate): Error | undefined {
  let first: Error | undefined;
  for (const name of names) {
    const error = tls.checkServerIdentity(name, certificate);
    if (error === undefined) return undefined;
    first ??= error;
  }
  return first;
}
