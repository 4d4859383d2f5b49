/** A health-check input that cannot be used, with what to type instead. */
export class HealthInputError extends Error {
  readonly code = 'INVALID_HEALTH_INPUT';

  constructor(message: string) {
    super(message);
    this.name = 'HealthInputError';
  }
}

/**
 * Check the connector URL before anything connects: `http(s)://host[:port]` and nothing else.
 *
 * Servers are configured with exactly this form (GenConnectorConfig, the registry values), so
 * a path, a query or credentials mean the admin pasted something else.
 */
export function parseConnectorUrl(text: string): URL {
  const example = 'Give the load-balanced connector URL, e.g. https://rmsconnector.contoso.com.';
  if (text.length > 2048 || [...text].some((character) => character.trim() === '' || character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f))
    throw new HealthInputError(`The connector URL contains spaces or control characters. ${example}`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new HealthInputError(`The connector URL ${JSON.stringify(text.slice(0, 200))} is not a URL. ${example}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new HealthInputError(`The connector URL must start with https:// or http://, not ${url.protocol}//. ${example}`);
  if (url.username !== '' || url.password !== '') throw new HealthInputError(`The connector URL carries a user name or password. ${example}`);
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '')
    throw new HealthInputError(`The connector URL has a path, query or fragment; servers use only the scheme, name and port. ${example}`);
  if (url.hostname === '') throw new HealthInputError(`The connector URL names no host. ${example}`);
  return url;
}
