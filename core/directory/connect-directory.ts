import { hiddenCharacterMessage } from '../../contract/hidden-characters.ts';
import { DirectoryError } from './directory-error.ts';
import { createDiscoveryResolver } from './dns-resolver.ts';
import { discoverDomainControllers, type SrvResolver } from './dc-discovery.ts';
import { parseLdapUrl, type LdapEndpoint } from './ldap-url.ts';
import { openLdapSession, type LdapSession } from './ldap-session.ts';
import { buildTlsOptions, readCaFile } from './tls-options.ts';

/** A DNS resolver for discovery: SRV for the DC list, A records for their addresses. */
export type DiscoveryResolver = SrvResolver & { resolve4(hostName: string): Promise<string[]> };

/** Where the directory is, and a bind account with its password (kept apart on purpose). */
export type ConnectOptions = ConnectTarget & { readonly kerberos?: undefined; readonly user: string; readonly password: string };

/** Where the directory is, signing in as the holder of the current Kerberos ticket: no name, no password. */
export type KerberosConnectOptions = ConnectTarget & { readonly kerberos: true };

/** Either way of signing in to the directory. */
export type DirectoryConnectOptions = ConnectOptions | KerberosConnectOptions;

/** Where the directory is and how to protect the connection. */
export type ConnectTarget = {
  readonly url?: string | undefined;
  readonly domain?: string | undefined;
  readonly transport?: 'ldaps' | 'starttls' | undefined;
  /** A PEM file of the CA to trust besides the system store, read here (the CLI and the service). */
  readonly caFile?: string | undefined;
  /** The CA as PEM text, already read and checked by the caller (the console); not with `caFile`. */
  readonly caPem?: string | undefined;
  readonly serverName?: string | undefined;
  readonly globalCatalog?: boolean | undefined;
  readonly timeoutMs?: number | undefined;
  readonly resolver?: DiscoveryResolver | undefined;
};

/** An open session and the server it reached. */
export type OpenedSession = { readonly session: LdapSession; readonly endpoint: LdapEndpoint; readonly serverName: string };

const DEFAULT_TIMEOUT_MS = 15_000;
const STOP_TRYING = new Set([
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'ACCOUNT_EXPIRED',
  'PASSWORD_EXPIRED',
  'LOGON_RESTRICTED',
  'EMPTY_PASSWORD',
  // The ticket is the same for every DC: without one, or with an expired one, no DC will do.
  'KERBEROS_NO_TICKET',
  'KERBEROS_TICKET_EXPIRED',
  'KERBEROS_CLOCK_SKEW',
  'KERBEROS_UNAVAILABLE',
]);

/**
 * Open an authenticated session to an explicit server or to the first DC DNS offers.
 *
 * With only a domain, DCs are tried in SRV order; a DC that cannot be reached is skipped,
 * but a refused password stops the walk at once: trying it on every DC would lock the
 * account out faster (one bind per admin action, never a retry).
 */
export async function openDirectorySession(options: DirectoryConnectOptions): Promise<OpenedSession> {
  if (options.kerberos !== true) {
    if (options.password.length === 0) throw new DirectoryError('EMPTY_PASSWORD');
    validateUser(options.user);
  }
  if (options.caFile !== undefined && options.caPem !== undefined) throw new DirectoryError('INVALID_INPUT', 'Give the CA as a file or as PEM text, not both.');
  const caPem = options.caFile === undefined ? options.caPem : await readCaFile(options.caFile);
  const transport = options.transport ?? 'ldaps';
  const targets = await targetsOf(options, transport);
  let lastError: DirectoryError | undefined;
  for (const target of targets) {
    const serverName = options.serverName ?? target.serverName;
    try {
      const session = await openLdapSession({
        endpoint: target.endpoint,
        startTls: transport === 'starttls',
        tlsOptions: buildTlsOptions(target.endpoint.host, serverName, caPem),
        credential: options.kerberos === true ? { kind: 'kerberos', serverName } : { kind: 'simple', name: options.user, password: options.password },
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
      return { session, endpoint: target.endpoint, serverName };
    } catch (error) {
      if (!(error instanceof DirectoryError) || STOP_TRYING.has(error.code) || targets.length === 1) throw error;
      lastError = error;
    }
  }
  throw lastError ?? new DirectoryError('DNS_DISCOVERY_FAILED');
}

type Target = { readonly endpoint: LdapEndpoint; readonly serverName: string };

async function targetsOf(options: DirectoryConnectOptions, transport: 'ldaps' | 'starttls'): Promise<Target[]> {
  const port = portFor(transport, options.globalCatalog === true);
  if (options.url !== undefined) {
    const endpoint = parseLdapUrl(options.url);
    if (endpoint.scheme === 'ldaps' && transport === 'starttls') {
      throw new DirectoryError('INVALID_INPUT', 'StartTLS runs over ldap://, not ldaps://. Use ldaps:// without StartTLS, or ldap:// with it.');
    }
    if (endpoint.scheme === 'ldap' && transport !== 'starttls') throw new DirectoryError('PLAINTEXT_REFUSED');
    const adjusted = options.globalCatalog === true ? globalCatalogEndpoint(endpoint, options.url, transport) : endpoint;
    return [{ endpoint: adjusted, serverName: adjusted.host }];
  }
  if (options.domain === undefined) throw new DirectoryError('INVALID_INPUT', 'Give a server URL or a domain name to connect to.');
  const resolver = options.resolver ?? createDiscoveryResolver();
  const controllers = await discoverDomainControllers(options.domain, resolver);
  const scheme = transport === 'ldaps' ? 'ldaps' : 'ldap';
  return Promise.all(
    controllers.map(async (controller) => {
      const address = (await resolver.resolve4(controller.hostName).catch(() => []))[0] ?? controller.hostName;
      const host = address.includes(':') ? `[${address}]` : address;
      return { endpoint: { scheme, host: address, port, url: `${scheme}://${host}:${port}` }, serverName: controller.hostName };
    }),
  );
}

/**
 * The Global Catalog's endpoint on the server a URL names.
 *
 * The GC listens on its own ports: a URL with no port or the domain's standard port
 * (636/389) moves to 3269/3268; any other explicit port (a tunnel, a proxy) is kept.
 */
export function globalCatalogEndpoint(endpoint: LdapEndpoint, url: string, transport: 'ldaps' | 'starttls'): LdapEndpoint {
  const explicitPort = /:\d+\/?$/.test(url);
  if (explicitPort && endpoint.port !== 636 && endpoint.port !== 389) return endpoint;
  const port = portFor(transport, true);
  const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
  return { ...endpoint, port, url: `${endpoint.scheme}://${host}:${port}` };
}

function portFor(transport: 'ldaps' | 'starttls', globalCatalog: boolean): number {
  if (globalCatalog) return transport === 'ldaps' ? 3269 : 3268;
  return transport === 'ldaps' ? 636 : 389;
}

function validateUser(user: string): void {
  const hidden = hiddenCharacterMessage(user, 'the bind account');
  if (hidden !== undefined) throw new DirectoryError('INVALID_INPUT', hidden);
  if (user.trim() === '' || user.length > 512 || !user.isWellFormed() || user.includes('\u0000')) {
    throw new DirectoryError('INVALID_INPUT', 'Give the bind account as user@domain (UPN) or DOMAIN\\user.');
  }
}
