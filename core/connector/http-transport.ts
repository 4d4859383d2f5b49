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
 * A long-lived answer whose body is read as it arrives (the change feed).
 *
 * `body` yields the bytes as they come; `close` ends the exchange (and its connection) early.
 */
export type HttpStream = {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: AsyncIterable<Uint8Array>;
  close(): void;
};

/**
 * One attempt per `send`, each bounded by the timeout; the client decides about retries.
 *
 * `open` bounds only the wait for the answer's headers: the body of a stream may rightly stay
 * open for hours, so deciding when it is dead is the reader's business. `close` ends the
 * dispatcher's connections; clients that share the transport share that.
 */
export type HttpTransport = {
  send(request: HttpRequest): Promise<HttpResponse>;
  open(request: HttpRequest): Promise<HttpStream>;
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
    open: async (outgoing) => {
      const cancelled = (): ConnectorError =>
        new ConnectorError('CANCELLED', 'The stream was cancelled before the service answered.', { cause: outgoing.signal?.reason });
      if (outgoing.signal?.aborted) throw cancelled();
      const closer = new AbortController();
      const deadline = new AbortController();
      const timer = setTimeout(() => {
        deadline.abort();
      }, options.timeoutMs);
      const signals = [closer.signal, deadline.signal, ...(outgoing.signal ? [outgoing.signal] : [])];
      try {
        const response = await request(`${origin}${outgoing.target}`, {
          dispatcher,
          method: outgoing.method,
          headers: outgoing.headers,
          body: outgoing.body ?? null,
          signal: AbortSignal.any(signals),
          headersTimeout: options.timeoutMs,
          bodyTimeout: 0,
        });
        return {
          status: response.statusCode,
          headers: flattenHeaders(response.headers),
          body: response.body,
          close: () => {
            closer.abort();
            response.body.destroy();
          },
        };
      } catch (error) {
        if (outgoing.signal?.aborted) throw cancelled();
        if (deadline.signal.aborted) throw timeoutFailure(contextOf(error), options.timeoutMs, error);
        throw classifyTransportFailure(error, contextOf(error));
      } finally {
        clearTimeout(timer);
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
