import tls from 'node:tls';
import { Agent, EnvHttpProxyAgent, Pool, ProxyAgent } from 'undici';
import type { Dispatcher, buildConnector } from 'undici';
import { configuredProxies } from './proxy-settings.ts';
import type { ProxySettings } from './proxy-settings.ts';

/** The undici dispatcher of one client and a way to tell which proxy a failure came from. */
export type ConnectorDispatcher = {
  readonly dispatcher: Dispatcher;
  /** The proxy whose connection failed with `error` (or a cause of it), if any. */
  proxyThatFailed(error: unknown): URL | undefined;
};

/** The TLS settings every connection to the service uses. */
export type ServiceTlsOptions = { readonly ca: string[]; readonly minVersion: 'TLSv1.2'; readonly rejectUnauthorized: true };

/**
 * TLS options for the service: verification on, TLS 1.2 or later, trust = Node's bundled
 * roots + the operating system's store + the admin's CA file.
 *
 * The CA file adds to the roots rather than replacing them, so pointing the console at
 * another service with a public certificate keeps working.
 */
export function buildServiceTlsOptions(caPem: string | undefined): ServiceTlsOptions {
  const ca = [...tls.getCACertificates('default'), ...tls.getCACertificates('system'), ...(caPem === undefined ? [] : [caPem])];
  return { ca, minVersion: 'TLSv1.2', rejectUnauthorized: true };
}

/**
 * Create the dispatcher for the proxy settings: `Agent` (direct), `ProxyAgent` (one proxy),
 * or `EnvHttpProxyAgent` fed the variables read from the client's `env`.
 *
 * Every connection to a proxy goes through a connector that remembers the errors it raised:
 * undici passes a refused proxy connection on as a plain `ECONNREFUSED`, which would
 * otherwise read as "the service is down" when the fix is the proxy setting.
 */
export function createConnectorDispatcher(settings: ProxySettings, tlsOptions: ServiceTlsOptions, timeoutMs: number): ConnectorDispatcher {
  const failures = new WeakMap<object, URL>();
  const proxies = configuredProxies(settings);
  const proxyAt = (origin: string | URL): URL | undefined => {
    const wanted = new URL(origin).origin;
    return proxies.find((proxy) => proxy.origin === wanted);
  };
  const remember =
    (connect: buildConnector.connector, proxy: URL): buildConnector.connector =>
    (options, callback) => {
      connect(options, (...result) => {
        const [error] = result;
        if (error !== null) failures.set(error, proxy);
        callback(...result);
      });
    };
  // Tunnels: the client that sends CONNECT to the proxy.
  const clientFactory = (origin: URL, options: object): Dispatcher => {
    const proxy = proxyAt(origin);
    const connect = connectorOf(options);
    return new Pool(origin, proxy && connect ? { ...options, connect: remember(connect, proxy) } : options);
  };
  // Plain-HTTP forwarding also connects to the proxy origin, through the agent factory.
  const factory = (origin: string | URL, options: object): Dispatcher => {
    const proxy = proxyAt(origin);
    const connect = connectorOf(options);
    return new Pool(origin, proxy && connect ? { ...options, connect: remember(connect, proxy) } : options);
  };
  const connect = { ...tlsOptions, timeout: timeoutMs };
  const common = { connect, requestTls: tlsOptions, connectTimeout: timeoutMs, clientFactory, factory };
  const dispatcher = ((): Dispatcher => {
    switch (settings.kind) {
      case 'none':
        return new Agent({ connect, factory });
      case 'explicit':
        return new ProxyAgent({ ...common, uri: settings.url.href });
      case 'environment':
        // Empty strings, not undefined: undici falls back to process.env for a missing value.
        return new EnvHttpProxyAgent({
          ...common,
          httpProxy: settings.httpProxy?.href ?? '',
          httpsProxy: settings.httpsProxy?.href ?? '',
          noProxy: settings.noProxy,
        });
    }
  })();
  return {
    dispatcher,
    proxyThatFailed: (error) => {
      for (let current: unknown = error, depth = 0; typeof current === 'object' && current !== null && depth < 8; depth += 1) {
        const proxy = failures.get(current);
        if (proxy) return proxy;
        current = (current as { cause?: unknown }).cause;
      }
      return undefined;
    },
  };
}

function connectorOf(options: object): buildConnector.connector | undefined {
  const connect = (options as { connect?: unknown }).connect;
  return typeof connect === 'function' ? (connect as buildConnector.connector) : undefined;
}
