import type { Notice } from './config-issues.ts';
import { hasControlCharacter } from './control-characters.ts';
import { createPageTransport, type PageTransport, type PageTransportOptions } from './tenant-url-transport.ts';
import { parseConnectorUrl, parseTenantUrl } from './url-rules.ts';

/** Why the tenant URL could not be read from the connector. */
export type TenantUrlErrorCode =
  | 'INVALID_CONNECTOR_URL'
  | 'UNREACHABLE'
  | 'TIMEOUT'
  | 'TLS_UNTRUSTED'
  | 'TLS_NAME_MISMATCH'
  | 'PROXY_FAILED'
  | 'CANCELLED'
  | 'REDIRECTED'
  | 'WINDOWS_AUTH_REQUIRED'
  | 'HTTP_ERROR'
  | 'TOO_LARGE'
  | 'NOT_A_URL'
  | 'INVALID_TENANT_URL';

/** The tenant URL the connector gave, checked like a typed one, or why there is none. */
export type TenantUrlReading =
  | { readonly ok: true; readonly tenantUrl: string; readonly notices: readonly Notice[] }
  | { readonly ok: false; readonly error: { readonly code: TenantUrlErrorCode; readonly message: string } };

/** Limits of the lookup, and the transport (the real one by default). */
export type ReadTenantUrlOptions = PageTransportOptions & {
  /** Default 10000. */
  readonly timeoutMs?: number | undefined;
  /** Largest answer read, in bytes. Default 4096: a tenant URL is one short line. */
  readonly maxBytes?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** For tests of the layer above; the real transport is built from the other options. */
  readonly transport?: PageTransport | undefined;
};

/** The page that answers with the tenant URL (GenConnectorConfig.ps1 read it too). */
export const RMSO_URI_PATH = '/_wmcs/GetRmsoUri.aspx';

const TYPE_IT = 'Or type the tenant URL: (Get-AipServiceConfiguration).LicensingIntranetDistributionPointUrl without /_wmcs/licensing.';
const TRANSPORT_CODES = new Set<string>(['UNREACHABLE', 'TIMEOUT', 'TLS_UNTRUSTED', 'TLS_NAME_MISMATCH', 'PROXY_FAILED', 'CANCELLED']);

/**
 * Ask the connector for the tenant URL: `GET <connector URL>/_wmcs/GetRmsoUri.aspx`.
 *
 * The answer is untrusted text from the network: it is read up to a size limit, never
 * after a redirect, and accepted only if it passes the same checks as a typed tenant URL.
 * Microsoft's connector serves the page to Windows-authenticated callers only; this tool
 * does not do Windows authentication, so that case says to type the URL instead.
 */
export async function readTenantUrl(connectorUrl: string, options: ReadTenantUrlOptions = {}): Promise<TenantUrlReading> {
  const fail = (code: TenantUrlErrorCode, message: string): TenantUrlReading => ({ ok: false, error: { code, message } });
  const connector = parseConnectorUrl(connectorUrl);
  if (!connector.ok) return fail('INVALID_CONNECTOR_URL', connector.issue.message);
  const url = new URL(`${connector.value.url}${RMSO_URI_PATH}`);
  const transport = options.transport ?? createPageTransport(options);
  let answer;
  try {
    answer = await transport({ url, timeoutMs: options.timeoutMs ?? 10_000, maxBytes: options.maxBytes ?? 4096, signal: options.signal });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    return fail(typeof code === 'string' && TRANSPORT_CODES.has(code) ? (code as TenantUrlErrorCode) : 'UNREACHABLE', `${message} ${TYPE_IT}`);
  }
  const where = url.href;
  if (answer.status >= 300 && answer.status < 400) {
    const target = answer.location !== undefined && /^[\x21-\x7e]{1,300}$/.test(answer.location) ? ` to ${answer.location}` : '';
    return fail(
      'REDIRECTED',
      `${where} redirected${target} (${answer.status}); redirects are not followed. Use the address servers reach the connector at directly. ${TYPE_IT}`,
    );
  }
  if (answer.status === 401 && /negotiate|ntlm/i.test(answer.authenticate ?? '')) {
    return fail('WINDOWS_AUTH_REQUIRED', `${where} asks for Windows sign-in, which this tool does not do. ${TYPE_IT}`);
  }
  if (answer.status !== 200) return fail('HTTP_ERROR', `${where} answered ${answer.status} instead of the tenant URL. ${TYPE_IT}`);
  if (answer.tooLarge)
    return fail(
      'TOO_LARGE',
      `${where} answered more than ${options.maxBytes ?? 4096} bytes; a tenant URL is one short line. Check the connector URL points at the RMS connector. ${TYPE_IT}`,
    );
  const text = answer.body.replace(/^\uFEFF/, '').trim();
  if (text === '' || text.startsWith('<') || hasControlCharacter(text)) {
    return fail(
      'NOT_A_URL',
      `${where} answered ${text === '' ? 'nothing' : 'a page (HTML or several lines)'} instead of a tenant URL. Check the connector URL points at the RMS connector. ${TYPE_IT}`,
    );
  }
  const tenant = parseTenantUrl(text);
  if (!tenant.ok) return fail('INVALID_TENANT_URL', `The connector answered a tenant URL this tool refuses: ${tenant.issue.message}`);
  return { ok: true, tenantUrl: tenant.value.url, notices: tenant.notices };
}
