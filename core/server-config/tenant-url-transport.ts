import { request } from 'undici';
import { buildServiceTlsOptions, createConnectorDispatcher } from '../connector/dispatcher.ts';
import { candidateProxy, resolveProxySettings, type ProxyOption } from '../connector/proxy-settings.ts';
import { classifyTransportFailure, timeoutFailure } from '../connector/transport-failure.ts';

/** One bounded GET, as {@link readTenantUrl} asks for it. */
export type PageRequest = { readonly url: URL; readonly timeoutMs: number; readonly maxBytes: number; readonly signal?: AbortSignal | undefined };

/** The answer, read up to `maxBytes`; `tooLarge` when the body went past that (its text is then empty). */
export type PageAnswer = {
  readonly status: number;
  readonly location: string | undefined;
  readonly authenticate: string | undefined;
  readonly body: string;
  readonly tooLarge: boolean;
};

/**
 * Fetch one small page. Throws an error with a `code` (`UNREACHABLE`, `TIMEOUT`,
 * `TLS_UNTRUSTED`, `TLS_NAME_MISMATCH`, `PROXY_FAILED`, `CANCELLED`) and a message that says
 * which setting to check.
 */
export type PageTransport = (request: PageRequest) => Promise<PageAnswer>;

/** How the default transport reaches the connector: the same choices as the connector client. */
export type PageTransportOptions = {
  /** PEM text of an extra CA to trust (an enterprise CA), added to the system and bundled roots. */
  readonly caPem?: string | undefined;
  /** Default `'environment'` (HTTPS_PROXY / HTTP_PROXY / NO_PROXY from `env`). */
  readonly proxy?: ProxyOption | undefined;
  readonly env?: NodeJS.ProcessEnv | undefined;
};

/**
 * The real transport: undici over the connector client's dispatcher, so certificate checks
 * (always on, TLS 1.2 or later), proxy handling and failure messages match the console's
 * other connections. Redirects are not followed — a connector URL that redirects is not the
 * address servers should use — and the body is cut off at `maxBytes`.
 */
export function createPageTransport(options: PageTransportOptions = {}): PageTransport {
  return async (page) => {
    const proxy = resolveProxySettings(options.proxy ?? 'environment', options.env ?? process.env);
    const connector = createConnectorDispatcher(proxy, buildServiceTlsOptions(options.caPem), page.timeoutMs);
    const deadline = AbortSignal.timeout(page.timeoutMs);
    const signal = page.signal ? AbortSignal.any([page.signal, deadline]) : deadline;
    const context = (error: unknown) => ({
      origin: page.url.origin,
      failedProxy: connector.proxyThatFailed(error),
      candidateProxy: candidateProxy(proxy, page.url),
      proxyMayBeBypassed: proxy.kind === 'environment' && proxy.noProxy !== '',
    });
    try {
      const response = await request(page.url, {
        dispatcher: connector.dispatcher,
        method: 'GET',
        headers: { accept: 'text/plain, text/html;q=0.5', 'user-agent': 'rms-connector-admin' },
        signal,
      });
      const header = (name: string): string | undefined => {
        const value = response.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      };
      const base = { status: response.statusCode, location: header('location'), authenticate: header('www-authenticate') };
      if (Number(header('content-length') ?? 0) > page.maxBytes) {
        response.body.destroy();
        return { ...base, body: '', tooLarge: true };
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > page.maxBytes) {
          response.body.destroy();
          return { ...base, body: '', tooLarge: true };
        }
        chunks.push(chunk);
      }
      return { ...base, body: Buffer.concat(chunks).toString('utf8'), tooLarge: false };
    } catch (error) {
      if (page.signal?.aborted === true) throw Object.assign(new Error('The request was cancelled.'), { code: 'CANCELLED' });
      if (deadline.aborted) throw timeoutFailure(context(error), page.timeoutMs, error);
      throw classifyTransportFailure(error, context(error));
    } finally {
      await connector.dispatcher.close().catch(() => undefined);
    }
  };
}
