import { ConnectorError } from './connector-error.ts';

/**
 * How the client reaches the service: through one given proxy, the proxy the environment
 * names, or directly.
 *
 * Admins often reach the service only through a web proxy; `'environment'` is the default so
 * a machine already set up for other tools works without another setting.
 */
export type ProxyOption = { readonly url: string } | 'environment' | 'none';

/** A {@link ProxyOption} checked and resolved against the environment it was read from. */
export type ProxySettings =
  | { readonly kind: 'none' }
  | { readonly kind: 'explicit'; readonly url: URL }
  | { readonly kind: 'environment'; readonly httpProxy: URL | undefined; readonly httpsProxy: URL | undefined; readonly noProxy: string };

/**
 * Check the proxy option and read the proxy variables from `env` once.
 *
 * Reading them here (not in undici, which reads `process.env`) makes the given `env` the
 * only source, and a malformed variable fails at client creation instead of at the first call.
 */
export function resolveProxySettings(option: ProxyOption, env: NodeJS.ProcessEnv): ProxySettings {
  if (option === 'none') return { kind: 'none' };
  if (option === 'environment') {
    return {
      kind: 'environment',
      httpProxy: proxyFromVariable(env, 'http_proxy', 'HTTP_PROXY'),
      httpsProxy: proxyFromVariable(env, 'https_proxy', 'HTTPS_PROXY'),
      noProxy: firstSet(env, 'no_proxy', 'NO_PROXY') ?? '',
    };
  }
  return { kind: 'explicit', url: parseProxyUrl(option.url, 'The proxy setting') };
}

/**
 * The proxy a request to `target` goes through when it is proxied at all.
 *
 * Only names the proxy in error messages; whether `NO_PROXY` bypasses it is undici's call.
 */
export function candidateProxy(settings: ProxySettings, target: URL): URL | undefined {
  if (settings.kind === 'none') return undefined;
  if (settings.kind === 'explicit') return settings.url;
  return target.protocol === 'https:' ? (settings.httpsProxy ?? settings.httpProxy) : settings.httpProxy;
}

/** Every proxy the settings may use, to recognise a failed connection to one of them. */
export function configuredProxies(settings: ProxySettings): URL[] {
  if (settings.kind === 'none') return [];
  if (settings.kind === 'explicit') return [settings.url];
  return [settings.httpProxy, settings.httpsProxy].filter((url) => url !== undefined);
}

/**
 * Parse a proxy address: `http://host[:port]`, nothing else.
 *
 * Credentials in the URL are refused rather than sent: they would end up in messages and
 * logs, and the web proxies these admins use authenticate the machine, not a URL password.
 * An HTTPS proxy would need its own trust settings, which this client does not have.
 */
export function parseProxyUrl(text: string, source: string): URL {
  const example = 'Give it as http://proxy.example.com:3128.';
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ConnectorError('INVALID_OPTIONS', `${source} is not a URL. ${example}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConnectorError('INVALID_OPTIONS', `${source} carries a user name or password, which this client does not send. ${example}`);
  }
  const shown = `${source} "${text.trim()}"`;
  if (url.protocol !== 'http:') throw new ConnectorError('INVALID_OPTIONS', `${shown} is not an http:// proxy address. ${example}`);
  if (url.hostname === '') throw new ConnectorError('INVALID_OPTIONS', `${shown} names no host. ${example}`);
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new ConnectorError('INVALID_OPTIONS', `${shown} has a path or query; a proxy address is only a host and port. ${example}`);
  }
  return url;
}

function proxyFromVariable(env: NodeJS.ProcessEnv, lower: string, upper: string): URL | undefined {
  const value = firstSet(env, lower, upper);
  if (value === undefined) return undefined;
  const name = env[lower]?.trim() ? lower : upper;
  // curl and most tools read a bare `proxy:3128` as http; so does this client.
  const withScheme = value.includes('://') ? value : `http://${value}`;
  return parseProxyUrl(withScheme, `The ${name} environment variable`);
}

function firstSet(env: NodeJS.ProcessEnv, lower: string, upper: string): string | undefined {
  for (const value of [env[lower], env[upper]]) {
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return undefined;
}
