import { request } from 'undici';
import { ConnectorError } from './connector-error.ts';
import { buildServiceTlsOptions, createConnectorDispatcher } from './dispatcher.ts';
import { candidateProxy } from './proxy-settings.ts';
import type { ProxySettings } from './proxy-settings.ts';
import { classifyTransportFailure, timeoutFailure } from './transport-failure.ts';
import type { FailureContext } from './transport-failure.ts';

/** What the transport needs: where the service is, how long an attempt may take, how to get there. */
export type HttpTransportOptions = {
  readonly baseUrl: URL;
  readonly timeoutMs: number;
  readonly proxy: ProxySettings;
  readonly caPem: string | undefined;
};

/** One HTTP exchange to send: `target` is the path and query below the base URL's origin. */
export type HttpRequest = {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  readonly signal?: AbortSignal | undefined;
};

/** The answer, read whole: small JSON or text documents only. */
export type HttpResponse = {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly text: string;
};

/**
 * One attempt per `send`, each bounded by the timeout; the client decides about retries.
 *
 * `close` ends the dispatcher's connections; clients that share the transport share that.
 */
export type HttpTransport = {
  send(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
};

/**
 * Create the transport: undici's `request` over the client's own dispatcher.
 *
 * Never the global `fetch`: it is Node's bundled undici, whose internals differ from this
 * package's undici 8, so handing it our dispatcher would mix two implementations.
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const connector = createConnectorDispatcher(options.proxy, buildServiceTlsOptions(options.caPem), options.timeoutMs);
  const { dispatcher } = connector;
  const origin = options.baseUrl.origin;
  const proxyMayBeBypassed = options.proxy.kind === 'environment' && options.proxy.noProxy !== '';
  const contextOf = (error: unknown): FailureContext => ({
    origin,
    failedProxy: connector.proxyThatFailed(error),
    candidateProxy: candidateProxy(options.proxy, options.baseUrl),
    proxyMayBeBypassed,
  });
  return {
    send: async (outgoing) => {
      const cancelled = (): ConnectorError =>
        new ConnectorError('CANCELLED', 'The request was cancelled before the service answered.', { cause: outgoing.signal?.reason });
      if (outgoing.signal?.aborted) throw cancelled();
      const deadline = AbortSignal.timeout(options.timeoutMs);
      const signal = outgoing.signal ? AbortSignal.any([outgoing.signal, deadline]) : deadline;
      try {
        const response = await request(`${origin}${outgoing.target}`, {
          dispatcher,
          method: outgoing.method,
          headers: outgoing.headers,
          body: outgoing.body ?? null,
          signal,
        });
        // The deadline covers the body too: a service that stalls mid-answer is as stuck as one that never answers.
        const text = await response.body.text();
        return { status: response.statusCode, headers: flattenHeaders(response.headers), text };
      } catch (error) {
        if (outgoing.signal?.aborted) throw cancelled();
        if (deadline.aborted) throw timeoutFailure(contextOf(error), options.timeoutMs, error);
        throw classifyTransportFailure(error, contextOf(error));
      }
    },
    close: () => dispatcher.close(),
  };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}
