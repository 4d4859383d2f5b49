import { describe, expect, it } from 'vitest';
import { resolveClientOptions } from './client-options.ts';
import type { ConnectorClientOptions } from './client-options.ts';
import { ConnectorError } from './connector-error.ts';

/** The code and message option checking fails with, or the resolved options' summary. */
function outcome(options: ConnectorClientOptions): unknown {
  try {
    const resolved = resolveClientOptions(options);
    return { baseUrl: resolved.baseUrl.href, timeoutMs: resolved.timeoutMs, retries: resolved.retries, proxy: resolved.proxy, userAgent: resolved.userAgent };
  } catch (error) {
    return error instanceof ConnectorError ? { code: error.code, message: error.message } : error;
  }
}

describe('client-options', () => {
  it('applies the defaults and reads the proxy from the env option when only the address is given', () => {
    expect(outcome({ baseUrl: 'https://connector.contoso.com', env: { https_proxy: 'proxy.contoso.com:3128', NO_PROXY: '.contoso.com' } })).toEqual({
      baseUrl: 'https://connector.contoso.com/',
      timeoutMs: 15_000,
      retries: 2,
      proxy: { kind: 'environment', httpProxy: undefined, httpsProxy: new URL('http://proxy.contoso.com:3128'), noProxy: '.contoso.com' },
      userAgent: 'rms-connector-admin',
    });
  });

  it.each([
    [
      'plain http to another computer',
      { baseUrl: 'http://connector.contoso.com' },
      'The service address "http://connector.contoso.com/" is plain http://, which would send the password and token unencrypted. Use https://.',
    ],
    [
      'credentials in the address',
      { baseUrl: 'https://admin:S3cret@connector.contoso.com' },
      'The service address carries a user name or password. Give only https://host[:port]; sign in with signIn.',
    ],
    [
      'a query in the address',
      { baseUrl: 'https://connector.contoso.com/?x=1' },
      'The service address "https://connector.contoso.com/?x=1" has a query or fragment. Give only https://host[:port][/prefix].',
    ],
    ['a zero timeout', { baseUrl: 'https://connector.contoso.com', timeoutMs: 0 }, 'The timeout must be a whole number of milliseconds above 0.'],
    ['a negative retry count', { baseUrl: 'https://connector.contoso.com', retries: -1 }, 'The number of retries must be a whole number from 0 to 10.'],
    [
      'a token with a line break',
      { baseUrl: 'https://connector.contoso.com', token: 'abc\ndef' },
      'The token is empty or holds spaces or control characters. Sign in again to get a new one.',
    ],
  ])('answers INVALID_OPTIONS when given %s', (_label, options, message) => {
    expect(outcome(options)).toEqual({ code: 'INVALID_OPTIONS', message });
  });

  it('accepts plain http when the service runs on this computer', () => {
    expect(
      ['http://localhost:8080', 'http://127.0.0.1:8080', 'http://[::1]:8080'].map(
        (baseUrl) => (outcome({ baseUrl, proxy: 'none' }) as { baseUrl: string }).baseUrl,
      ),
    ).toEqual(['http://localhost:8080/', 'http://127.0.0.1:8080/', 'http://[::1]:8080/']);
  });
});
