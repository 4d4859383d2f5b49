import { describe, expect, it } from 'vitest';
import type { Checked } from './config-issues.ts';
import { parseConnectorUrl, parseTenantUrl } from './url-rules.ts';

const TENANT = 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com';

/** The accepted URL and the notice codes, or the refusal code. */
function outcome(checked: Checked<{ url: string }>): unknown {
  return checked.ok ? { url: checked.value.url, notices: checked.notices.map((notice) => notice.code) } : checked.issue.code;
}

describe('parseConnectorUrl', () => {
  it.each([
    ['an https load-balanced name', 'https://rmsconnector.contoso.com', { url: 'https://rmsconnector.contoso.com', notices: [] }],
    ['one trailing slash, upper case, surrounding spaces', '  HTTPS://RMSConnector.Contoso.com/ ', { url: 'https://rmsconnector.contoso.com', notices: [] }],
    ['plain http, with a warning', 'http://rmsconnector.contoso.com', { url: 'http://rmsconnector.contoso.com', notices: ['CONNECTOR_PLAIN_HTTP'] }],
    ['the default port, dropped', 'https://rmsconnector.contoso.com:443', { url: 'https://rmsconnector.contoso.com', notices: ['URL_DEFAULT_PORT_REMOVED'] }],
    [
      'another port, kept with a warning',
      'https://rmsconnector.contoso.com:8443',
      { url: 'https://rmsconnector.contoso.com:8443', notices: ['CONNECTOR_NON_STANDARD_PORT'] },
    ],
    ['an IPv4 address', 'https://10.0.0.5', { url: 'https://10.0.0.5', notices: ['CONNECTOR_IP_ADDRESS'] }],
    [
      'an IPv6 address',
      'http://[::1]:8080',
      { url: 'http://[::1]:8080', notices: ['CONNECTOR_NON_STANDARD_PORT', 'CONNECTOR_PLAIN_HTTP', 'CONNECTOR_IP_ADDRESS'] },
    ],
    ['localhost', 'https://localhost', { url: 'https://localhost', notices: ['CONNECTOR_LOCALHOST'] }],
    [
      'a single-label name (the 2014 script example)',
      'http://MyConnector',
      { url: 'http://myconnector', notices: ['CONNECTOR_PLAIN_HTTP', 'CONNECTOR_SINGLE_LABEL'] },
    ],
    ['a punycode name', 'https://xn--rmsconnectr-zcb.contoso.com', { url: 'https://xn--rmsconnectr-zcb.contoso.com', notices: ['URL_PUNYCODE'] }],
  ])('accepts %s', (_label, typed, expected) => {
    expect(outcome(parseConnectorUrl(typed))).toEqual(expected);
  });

  it.each([
    ['nothing', '', 'URL_MISSING'],
    ['no scheme', 'rmsconnector.contoso.com', 'URL_NO_SCHEME'],
    ['javascript:', 'javascript:alert(1)', 'URL_SCHEME_NOT_HTTP'],
    ['file:', 'file:///C:/Windows/System32', 'URL_SCHEME_NOT_HTTP'],
    ['ftp:', 'ftp://rmsconnector.contoso.com', 'URL_SCHEME_NOT_HTTP'],
    ['a missing //', 'https:rmsconnector.contoso.com', 'URL_MALFORMED'],
    ['a backslash', 'https://rmsconnector.contoso.com\\evil', 'URL_MALFORMED'],
    ['a user name and password', 'https://user:pw@rmsconnector.contoso.com', 'URL_USERINFO'],
    ['a user name only', 'https://admin@rmsconnector.contoso.com', 'URL_USERINFO'],
    ['a double quote', 'https://rmsconnector.contoso.com"', 'URL_QUOTE'],
    ['a single quote', "https://rms'connector.contoso.com", 'URL_QUOTE'],
    ['a typographic quote', 'https://rms\u2019connector.contoso.com', 'URL_QUOTE'],
    ['CRLF inside', 'https://rmsconnector.contoso.com\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Evil]', 'URL_CONTROL_CHARACTER'],
    ['a trailing newline', 'https://rmsconnector.contoso.com\n', 'URL_CONTROL_CHARACTER'],
    ['a NUL', 'https://rmsconnector.contoso.com\u0000', 'URL_CONTROL_CHARACTER'],
    ['a Unicode line separator', 'https://rmsconnector\u2028.contoso.com', 'URL_CONTROL_CHARACTER'],
    ['a space inside', 'https://rms connector.contoso.com', 'URL_WHITESPACE'],
    ['a no-break space inside', 'https://rms\u00a0connector.contoso.com', 'URL_WHITESPACE'],
    ['a Cyrillic look-alike', 'https://rmsc\u043Ennector.contoso.com', 'URL_NON_ASCII'],
    ['a full-width letter', 'https://rmsconnector.contoso.\uFF43om', 'URL_NON_ASCII'],
    ['an overlong URL', `https://${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.com`, 'URL_TOO_LONG'],
    ['a label over 63 characters', `https://${'a'.repeat(64)}.contoso.com`, 'URL_BAD_HOST'],
    ['an underscore', 'https://rms_connector.contoso.com', 'URL_BAD_HOST'],
    ['a leading hyphen', 'https://-rms.contoso.com', 'URL_BAD_HOST'],
    ['an empty label', 'https://rms..contoso.com', 'URL_BAD_HOST'],
    ['a trailing dot', 'https://rmsconnector.contoso.com.', 'URL_BAD_HOST'],
    ['an invalid IPv4 address', 'https://10.0.0.300', 'URL_BAD_HOST'],
    ['an invalid IPv6 address', 'https://[fe80::zz]', 'URL_BAD_HOST'],
    ['a percent escape', 'https://rms%2econnector.contoso.com', 'URL_BAD_HOST'],
    ['no host', 'https://', 'URL_BAD_HOST'],
    ['a port of 0', 'https://rmsconnector.contoso.com:0', 'URL_BAD_PORT'],
    ['a port over 65535', 'https://rmsconnector.contoso.com:65536', 'URL_BAD_PORT'],
    ['a named port', 'https://rmsconnector.contoso.com:https', 'URL_BAD_PORT'],
    ['a /_wmcs path', 'https://rmsconnector.contoso.com/_wmcs/licensing', 'URL_PATH'],
    ['another path', 'https://rmsconnector.contoso.com/connector', 'URL_PATH'],
    ['a query', 'https://rmsconnector.contoso.com/?x=1', 'URL_QUERY_OR_FRAGMENT'],
    ['a fragment', 'https://rmsconnector.contoso.com#top', 'URL_QUERY_OR_FRAGMENT'],
    ['the tenant URL in its place', TENANT, 'CONNECTOR_URL_IS_TENANT'],
  ])('refuses %s', (_label, typed, code) => {
    expect(outcome(parseConnectorUrl(typed))).toEqual(code);
  });

  it('never repeats a user name or password in its message', () => {
    const checked = parseConnectorUrl('https://CORP%5Cadmin:Secr3t!@rmsconnector.contoso.com');
    expect(checked.ok ? 'accepted' : [checked.issue.code, /admin|Secr3t/.test(checked.issue.message)]).toEqual(['URL_USERINFO', false]);
  });

  it('says what to type, with an example, when the scheme is missing', () => {
    const checked = parseConnectorUrl('rmsconnector.contoso.com');
    expect(checked.ok ? 'accepted' : checked.issue).toEqual({
      code: 'URL_NO_SCHEME',
      field: 'connectorUrl',
      message: 'Start the connector URL with https:// (or http://), for example https://rmsconnector.contoso.com.',
    });
  });
});

describe('parseTenantUrl', () => {
  it.each([
    ['the documented shape', TENANT, { url: TENANT, notices: [] }],
    ['LicensingIntranetDistributionPointUrl as pasted', `${TENANT}/_wmcs/licensing`, { url: TENANT, notices: ['TENANT_URL_PATH_REMOVED'] }],
    ['a trailing slash and port 443', `${TENANT.toUpperCase().replace('HTTPS', 'https')}:443/`, { url: TENANT, notices: [] }],
    [
      'another shape, with a warning',
      'https://rms.contoso-sovereign.example',
      { url: 'https://rms.contoso-sovereign.example', notices: ['TENANT_URL_UNUSUAL'] },
    ],
  ])('accepts %s', (_label, typed, expected) => {
    expect(outcome(parseTenantUrl(typed))).toEqual(expected);
  });

  it.each([
    ['http', TENANT.replace('https', 'http'), 'TENANT_URL_NOT_HTTPS'],
    ['an IP address', 'https://52.1.2.3', 'TENANT_URL_IP_ADDRESS'],
    ['a port', `${TENANT}:8443`, 'TENANT_URL_PORT'],
    ['another path', `${TENANT}/_wmcs/certification`, 'URL_PATH'],
    ['userinfo', 'https://x:y@5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com', 'URL_USERINFO'],
    ['CRLF', `${TENANT}\r\n"evil"="x"`, 'URL_CONTROL_CHARACTER'],
    ['a quote', `${TENANT}"`, 'URL_QUOTE'],
    ['javascript:', 'javascript://aadrm.com/%0aalert(1)', 'URL_SCHEME_NOT_HTTP'],
  ])('refuses %s', (_label, typed, code) => {
    expect(outcome(parseTenantUrl(typed))).toEqual(code);
  });
});
