import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { AuthorizedAccountList, ConnectorNodeList, SuperUsers } from '../../contract/connector-api/index.ts';
import type { HealthResolver, HealthService } from './health-types.ts';
import { probeTls, trustedRoots, type TlsProbeResult } from './probes/tls-probe.ts';

/**
 * What the admin asks to check.
 *
 * The service is optional: without it (not signed in) the node, heartbeat and list checks are
 * not run, and `serviceUnavailableReason` says why.
 */
export type HealthInput = {
  /** The load-balanced connector URL servers are configured with, `https://rmsconnector.contoso.com`. */
  readonly connectorUrl: string;
  /** PEM text of an extra CA to trust (the admin's enterprise root), added to the system roots. */
  readonly caPem?: string | undefined;
  /** The `ProxyAddress` value set on the connector nodes, when they use a proxy. */
  readonly proxyAddress?: string | undefined;
  /** The tenant URL for the outbound check; read from `<connector URL>/_wmcs/GetRmsoUri.aspx` when absent. */
  readonly tenantUrl?: string | undefined;
  readonly service?: HealthService | undefined;
  readonly serviceUnavailableReason?: string | undefined;
};

/** What the checks use from the outside world; every field has a production default. */
export type HealthDependencies = {
  readonly resolver?: HealthResolver;
  readonly now?: () => Date;
  /** Deadline of one HTTP request or TLS handshake. Default 10000 ms. */
  readonly requestTimeoutMs?: number;
  /** Largest CRL read, in bytes. Default 20 MiB. */
  readonly maxCrlBytes?: number;
  /**
   * The cipher string the TLS 1.0/1.1 probes offer. Default `DEFAULT:@SECLEVEL=0`: OpenSSL 3
   * refuses to offer TLS 1.0/1.1 at its default security level.
   */
  readonly legacyCiphers?: string;
};

/** Where the connector URL points, or why it points nowhere. */
export type Resolution =
  { readonly ok: true; readonly addresses: readonly string[]; readonly durationMs: number } | { readonly ok: false; readonly reason: string };

/** The TLS 1.2+ handshake with one address of the connector name. */
export type AddressHandshake = { readonly address: string; readonly result: TlsProbeResult };

/** The handshakes with every address of the connector name, or why there are none. */
export type ConnectorHandshakes = { readonly ok: true; readonly handshakes: readonly AddressHandshake[] } | { readonly ok: false; readonly reason: string };

/** A service read, or why it could not be made. */
export type ServiceRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** Everything a check may read, shared by the run so one handshake per address serves six checks. */
export type HealthContext = {
  readonly input: HealthInput;
  readonly connectorUrl: URL;
  readonly port: number;
  readonly ca: readonly string[];
  readonly now: () => Date;
  readonly requestTimeoutMs: number;
  readonly maxCrlBytes: number;
  readonly legacyCiphers: string;
  readonly resolve: (hostname: string) => Promise<Resolution>;
  readonly connectorResolution: () => Promise<Resolution>;
  /**
   * A TLS 1.2+ handshake with every address the connector name resolves to (https only), each
   * with the URL's host name as SNI and as the name checked.
   */
  readonly modernHandshakes: () => Promise<ConnectorHandshakes>;
  readonly nodes: () => Promise<ServiceRead<ConnectorNodeList>>;
  readonly authorizedList: () => Promise<ServiceRead<AuthorizedAccountList>>;
  readonly superUsers: () => Promise<ServiceRead<SuperUsers>>;
};

/** The system resolver: every address `getaddrinfo` gives, as Windows clients would connect. */
export const systemResolver: HealthResolver = async (hostname) => (await lookup(hostname, { all: true, order: 'verbatim' })).map((entry) => entry.address);

/** Build the shared context of one run; `connectorUrl` must already be checked. */
export function createHealthContext(input: HealthInput, connectorUrl: URL, dependencies: HealthDependencies, signal: AbortSignal): HealthContext {
  const resolver = dependencies.resolver ?? systemResolver;
  const requestTimeoutMs = dependencies.requestTimeoutMs ?? 10_000;
  const ca = trustedRoots(input.caPem);
  const port = connectorUrl.port === '' ? (connectorUrl.protocol === 'https:' ? 443 : 80) : Number(connectorUrl.port);
  const resolve = async (hostname: string): Promise<Resolution> => {
    const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
    if (isIP(bare) !== 0) return { ok: true, addresses: [bare], durationMs: 0 };
    const started = performance.now();
    try {
      // A resolver may list an address twice (hosts file and DNS); probing it twice tells nothing.
      const addresses = [...new Set(await resolver(bare))];
      if (addresses.length === 0) return { ok: false, reason: `${bare} has no address records` };
      return { ok: true, addresses, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return {
        ok: false,
        reason:
          code === 'ENOTFOUND'
            ? `${bare} is not in DNS (ENOTFOUND)`
            : `${bare} could not be resolved (${code ?? (error instanceof Error ? error.message : String(error))})`,
      };
    }
  };
  const connectorResolution = once(() => resolve(connectorUrl.hostname));
  // Every address at once: the handshakes take one request timeout however many addresses
  // there are, so the six checks sharing them stay within their deadline; the run's signal ends
  // them all on a cancel.
  const modernHandshakes = once(async (): Promise<ConnectorHandshakes> => {
    const resolution = await connectorResolution();
    if (!resolution.ok) return resolution;
    const handshakes = await Promise.all(
      resolution.addresses.map(async (address) => ({
        address,
        result: await probeTls({
          address,
          port,
          hostName: connectorUrl.hostname,
          ca,
          minVersion: 'TLSv1.2',
          maxVersion: 'TLSv1.3',
          timeoutMs: requestTimeoutMs,
          signal,
        }),
      })),
    );
    return { ok: true, handshakes };
  });
  const serviceRead = <T>(read: (service: HealthService) => Promise<T>) =>
    once(async (): Promise<ServiceRead<T>> => {
      if (!input.service) return { ok: false, reason: input.serviceUnavailableReason ?? 'Sign in to the connector service first.' };
      try {
        return { ok: true, value: await read(input.service) };
      } catch (error) {
        return { ok: false, reason: `The connector service could not be read: ${error instanceof Error ? error.message : String(error)}` };
      }
    });
  return {
    input,
    connectorUrl,
    port,
    ca,
    now: dependencies.now ?? (() => new Date()),
    requestTimeoutMs,
    maxCrlBytes: dependencies.maxCrlBytes ?? 20 * 1024 * 1024,
    legacyCiphers: dependencies.legacyCiphers ?? 'DEFAULT:@SECLEVEL=0',
    resolve,
    connectorResolution,
    modernHandshakes,
    nodes: serviceRead((service) => service.listConnectors({ signal })),
    authorizedList: serviceRead(async (service) => (await service.listAuthorizedAccounts({ signal })).list),
    superUsers: serviceRead(async (service) => (await service.superUsers({ signal })).superUsers),
  };
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= make());
}
