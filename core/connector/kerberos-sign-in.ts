import { API_ROUTES, type CloudEnvironment, type SignInResponse } from '../../contract/connector-api/index.ts';
import { KerberosError, servicePrincipalName, startGssClient, type GssClientContext } from '../kerberos/index.ts';
import type { CallOptions } from './connector-client-types.ts';
import { ConnectorError } from './connector-error.ts';
import type { RouteCaller } from './route-caller.ts';

/** What a Kerberos sign-in asks for: the environment, and the node's principal when its URL does not name it. */
export type KerberosSignInInput = {
  readonly environment: CloudEnvironment;
  /**
   * `HTTP/rmscon01.contoso.com`; by default `HTTP/<host of the service URL>`. Needed when the
   * URL names the node by an IP address, or by an alias no service principal carries.
   */
  readonly servicePrincipal?: string | undefined;
};

/** Starts the client side of one SPNEGO exchange (the real one, or a test's). */
export type GssClientStarter = (principal: string, options: { readonly mutual: boolean; readonly spnego: boolean }) => Promise<GssClientContext>;

const SERVICE_PRINCIPAL = /^[A-Za-z][\w-]*\/[^/@\s]+$/;

/**
 * Sign in with the current Kerberos ticket: a SPNEGO token in `Authorization: Negotiate`, then
 * the node's answer token checked before the issued token is handed out.
 *
 * Without that check anyone who could answer the URL (a wrong DNS entry, a proxy) could hand
 * the console a token of its own; the answer proves the node holds the service principal's key.
 */
export async function signInWithKerberos(
  call: RouteCaller,
  baseUrl: URL,
  request: KerberosSignInInput,
  options: CallOptions = {},
  startGss: GssClientStarter = startGssClient,
): Promise<SignInResponse> {
  const principal = servicePrincipalOf(request.servicePrincipal, baseUrl);
  const context = await kerberosStep(() => startGss(principal, { mutual: true, spnego: true }));
  const token = (
    await kerberosStep(
      () => context.step(Buffer.alloc(0)),
      () => diagnose(startGss, principal),
    )
  ).toString('base64');
  const route = API_ROUTES.signInWithKerberos;
  const { data, headers } = await call.json(route, 200, route.responses[200].schema, {
    body: { environment: request.environment },
    authorization: `Negotiate ${token}`,
    signal: options.signal,
    secrets: [token],
  });
  await verifyNode(context, headers['www-authenticate'], principal);
  return data;
}

function servicePrincipalOf(given: string | undefined, baseUrl: URL): string {
  if (given !== undefined) {
    if (!SERVICE_PRINCIPAL.test(given.trim()))
      throw new ConnectorError('INVALID_OPTIONS', `"${given}" is not a service principal. Write it as setspn shows it: HTTP/rmscon01.contoso.com.`);
    return given.trim();
  }
  try {
    return servicePrincipalName('HTTP', baseUrl.hostname);
  } catch (error) {
    if (!(error instanceof KerberosError)) throw error;
    throw new ConnectorError(
      'INVALID_OPTIONS',
      `Kerberos names the node by its fully qualified DNS name, and the service URL names it "${baseUrl.hostname}". Use the node's DNS name in the URL (https://rmscon01.contoso.com), or give its service principal.`,
      { cause: error },
    );
  }
}

/**
 * Check the node's answer token (mutual authentication); the sign-in stands only if the
 * context completes on it.
 */
async function verifyNode(context: GssClientContext, header: string | undefined, principal: string): Promise<void> {
  const refuse = (why: string, cause?: unknown) =>
    new ConnectorError(
      'KERBEROS_MUTUAL_AUTH_FAILED',
      `The connector node did not prove it holds the key of ${principal}: ${why} The token it issued was discarded. Check that the service URL points at the node, and ask its operator to check CONNECTOR_KEYTAB and CONNECTOR_SERVICE_PRINCIPAL.`,
      cause === undefined ? {} : { cause },
    );
  const match = /^\s*negotiate\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header ?? '');
  if (!match?.[1]) throw refuse('its answer carries no Negotiate token (WWW-Authenticate).');
  try {
    await context.step(Buffer.from(match[1], 'base64'));
  } catch (error) {
    throw refuse('its answer token was refused by Kerberos.', error);
  }
  if (!context.complete()) throw refuse('its answer token did not complete the Kerberos exchange.');
}

/**
 * Run a Kerberos step; its failure becomes a ConnectorError with the same code and advice.
 *
 * SPNEGO hides why Kerberos could not start ("SPNEGO cannot find mechanisms to negotiate"
 * when there is no ticket at all): an unrecognised failure is asked again of `diagnosis`.
 */
async function kerberosStep<T>(work: () => Promise<T>, diagnosis?: () => Promise<KerberosError | undefined>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof KerberosError)) throw error;
    const precise = error.code === 'KERBEROS_FAILED' ? ((await diagnosis?.()) ?? error) : error;
    throw new ConnectorError(precise.code, precise.message, { ...(precise.detail === undefined ? {} : { details: [precise.detail] }), cause: precise });
  }
}

/** The plain Kerberos mechanism's own failure for the same principal, which names the cause. */
async function diagnose(startGss: GssClientStarter, principal: string): Promise<KerberosError | undefined> {
  try {
    await (await startGss(principal, { mutual: false, spnego: false })).step(Buffer.alloc(0));
    return undefined;
  } catch (error) {
    return error instanceof KerberosError && error.code !== 'KERBEROS_FAILED' ? error : undefined;
  }
}
