import type { Checked, InputIssueCode, Notice } from './config-issues.ts';
import { splitHttpUrl } from './url-syntax.ts';

/** The load-balanced connector address servers are pointed at: `https://rmsconnector.contoso.com`. */
export type ConnectorUrl = {
  /** Scheme, host and (non-default) port, without a trailing slash: the `C` of the registry tables. */
  readonly url: string;
  readonly scheme: 'http' | 'https';
  readonly host: string;
};

/** The tenant's Azure RMS address: `https://<tenant id>.rms.<region>.aadrm.com`, the `T` of the tables. */
export type TenantUrl = { readonly url: string; readonly host: string };

const CONNECTOR_EXAMPLE = 'https://rmsconnector.contoso.com';
const TENANT_EXAMPLE = 'https://5c6bb73b-1038-4eec-863d-49bded473437.rms.na.aadrm.com';
const USUAL_TENANT_HOST = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.rms\.[a-z0-9-]+\.aadrm\.com$/;
const DEFAULT_PORT = { http: 80, https: 443 } as const;

/**
 * Check the connector URL the admin typed: http or https as they chose, a host name and
 * nothing else (servers append `/_wmcs/...` themselves).
 *
 * Refused: other schemes, user names or passwords, paths, queries, quotes, control and
 * non-ASCII characters. Accepted with a warning: plain http, an IP address, `localhost`, a
 * single-label name, a port other than the scheme's default — each works but is rarely what
 * a load-balanced, certificate-protected deployment wants.
 */
export function parseConnectorUrl(typed: string): Checked<ConnectorUrl> {
  const split = splitHttpUrl(typed, 'connectorUrl', 'connector URL', CONNECTOR_EXAMPLE);
  if (!split.ok) return split;
  const { scheme, host, hostKind, port, path } = split.parts;
  const refuse = (code: InputIssueCode, message: string) => ({ ok: false as const, issue: { code, field: 'connectorUrl' as const, message } });
  if (path !== '' && path !== '/') {
    const wmcs = path.toLowerCase().startsWith('/_wmcs');
    return refuse(
      'URL_PATH',
      wmcs
        ? `Leave "${path}" out of the connector URL: servers add /_wmcs/licensing and /_wmcs/certification themselves. Type ${scheme}://${host}.`
        : `The connector URL has a path ("${path}"). Type only the scheme and the load-balanced name, for example ${CONNECTOR_EXAMPLE}.`,
    );
  }
  if (hostKind === 'name' && /(?:^|\.)aadrm\.(?:com|us|cn)$/.test(host)) {
    return refuse(
      'CONNECTOR_URL_IS_TENANT',
      `${host} is an Azure RMS (tenant) address. The connector URL is your own load-balanced name for the connector servers, for example ${CONNECTOR_EXAMPLE}; the tenant URL goes in the other field.`,
    );
  }
  const notices: Notice[] = [];
  const keepPort = port !== undefined && port !== DEFAULT_PORT[scheme];
  if (port !== undefined && !keepPort)
    notices.push({
      code: 'URL_DEFAULT_PORT_REMOVED',
      severity: 'info',
      message: `Port ${port} is the default for ${scheme}; it is left out of the generated values.`,
    });
  if (keepPort) {
    notices.push({
      code: 'CONNECTOR_NON_STANDARD_PORT',
      severity: 'warning',
      message: `The connector URL uses port ${port}. The deployment guidance publishes the connector on the load balancer's ports 80 and 443; check every server can reach port ${port}.`,
    });
  }
  if (scheme === 'http') {
    notices.push({
      code: 'CONNECTOR_PLAIN_HTTP',
      severity: 'warning',
      message:
        'The connector URL uses plain http: data between Exchange, SharePoint or file servers and the connector travel unencrypted (each server logs warning 2002 on the connector). Configure HTTPS on the connectors and use https://.',
    });
  }
  if (hostKind !== 'name') {
    notices.push({
      code: 'CONNECTOR_IP_ADDRESS',
      severity: 'warning',
      message: `The connector URL is an IP address (${host}). Use the load balancer's DNS name: the HTTPS certificate names it, and a node's own address would point servers at a single connector.`,
    });
  } else if (host === 'localhost' || host.endsWith('.localhost')) {
    notices.push({
      code: 'CONNECTOR_LOCALHOST',
      severity: 'warning',
      message: 'The connector URL names localhost: every server would look for the connector on itself. Use the load-balanced DNS name of the connectors.',
    });
  } else if (!host.includes('.')) {
    notices.push({
      code: 'CONNECTOR_SINGLE_LABEL',
      severity: 'warning',
      message: `"${host}" is a single-label name: it resolves only where the DNS suffix search finds it, and the HTTPS certificate must carry it as is. Prefer the fully qualified name, for example ${host}.contoso.com.`,
    });
  }
  if (hostKind === 'name' && host.split('.').some((label) => label.startsWith('xn--'))) notices.push(punycodeNotice(host));
  const url = `${scheme}://${host}${keepPort ? `:${port}` : ''}`;
  return { ok: true, value: { url, scheme, host }, notices };
}

/**
 * Check a tenant URL, typed or read from the connector: always https, a DNS name, no port;
 * a pasted `LicensingIntranetDistributionPointUrl` (ending in `/_wmcs/licensing`) is trimmed.
 *
 * A host not of the `<tenant id>.rms.<region>.aadrm.com` shape is accepted with a warning:
 * the facts know only that shape, and sovereign clouds may use others.
 */
export function parseTenantUrl(typed: string): Checked<TenantUrl> {
  const split = splitHttpUrl(typed, 'tenantUrl', 'tenant URL', TENANT_EXAMPLE);
  if (!split.ok) return split;
  const { scheme, host, hostKind, port, path } = split.parts;
  const refuse = (code: InputIssueCode, message: string) => ({ ok: false as const, issue: { code, field: 'tenantUrl' as const, message } });
  if (scheme !== 'https') return refuse('TENANT_URL_NOT_HTTPS', `The tenant URL is always https://. Type https://${host}.`);
  if (hostKind !== 'name') return refuse('TENANT_URL_IP_ADDRESS', `The tenant URL is a DNS name, not an IP address, for example ${TENANT_EXAMPLE}.`);
  if (port !== undefined && port !== 443) return refuse('TENANT_URL_PORT', `The tenant URL has no port (Azure RMS answers on 443). Type https://${host}.`);
  const notices: Notice[] = [];
  if (/^\/_wmcs\/licensing\/?$/i.test(path)) {
    notices.push({
      code: 'TENANT_URL_PATH_REMOVED',
      severity: 'info',
      message: 'The tenant URL is used without /_wmcs/licensing (that is LicensingIntranetDistributionPointUrl); the ending was removed.',
    });
  } else if (path !== '' && path !== '/') {
    return refuse('URL_PATH', `The tenant URL has a path ("${path}"). Type only https:// and the host name, for example ${TENANT_EXAMPLE}.`);
  }
  if (!USUAL_TENANT_HOST.test(host)) {
    notices.push({
      code: 'TENANT_URL_UNUSUAL',
      severity: 'warning',
      message: `${host} is not of the usual form <tenant id>.rms.<region>.aadrm.com. Check it is your tenant's LicensingIntranetDistributionPointUrl (Get-AipServiceConfiguration) without /_wmcs/licensing.`,
    });
  }
  if (host.split('.').some((label) => label.startsWith('xn--'))) notices.push(punycodeNotice(host));
  return { ok: true, value: { url: `https://${host}`, host }, notices };
}

function punycodeNotice(host: string): Notice {
  return {
    code: 'URL_PUNYCODE',
    severity: 'warning',
    message: `${host} contains an internationalized (xn--) label. Check it is the name you mean: look-alike names are a common trick.`,
  };
}
