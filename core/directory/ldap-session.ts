import net from 'node:net';
import tls from 'node:tls';
import { Client, type Entry, type Filter } from 'ldapts';
import { classifyLdapError } from './classify-ldap-error.ts';
import { DirectoryError } from './directory-error.ts';
import { bindWithKerberos, startTls } from './kerberos-bind.ts';
import type { LdapEndpoint } from './ldap-url.ts';
import { openLdapWire } from './ldap-wire.ts';

/**
 * How the session signs in: a simple bind with a password, or a Kerberos (GSSAPI) bind as the
 * holder of the current ticket, to `ldap/<serverName>` — the name the certificate was checked for.
 */
export type BindCredential =
  { readonly kind: 'simple'; readonly name: string; readonly password: string } | { readonly kind: 'kerberos'; readonly serverName: string };

/** Everything needed to open an authenticated, encrypted session. */
export type LdapSessionOptions = {
  readonly endpoint: LdapEndpoint;
  readonly startTls: boolean;
  readonly tlsOptions: tls.ConnectionOptions;
  readonly credential: BindCredential;
  readonly timeoutMs: number;
};

/** One search request. Attribute names are ours, never typed by a user. */
export type SearchRequest = {
  readonly base: string;
  readonly scope: 'base' | 'one' | 'sub';
  readonly filter: Filter;
  readonly attributes: readonly string[];
  readonly pageSize?: number;
  readonly sizeLimit?: number;
  readonly signal?: AbortSignal;
};

/** An open session; every search is paged and every page counts as a round trip. */
export type LdapSession = {
  searchPages(request: SearchRequest): AsyncGenerator<readonly Entry[]>;
  searchAll(request: SearchRequest): Promise<Entry[]>;
  readonly roundTrips: () => number;
  /** The Kerberos principal the DC authenticated (`alice@CORP.CONTOSO.TEST`); undefined for a simple bind. */
  readonly kerberosPrincipal: () => string | undefined;
  close(): Promise<void>;
};

/** Binary attributes must be requested as buffers, with AD's exact casing. */
export const BINARY_ATTRIBUTES = ['objectSid', 'objectGUID', 'tokenGroups'];
const DEFAULT_PAGE_SIZE = 1000;

/**
 * Open a session: connect (LDAPS, or LDAP then StartTLS), verify the certificate, bind.
 *
 * A password is only ever sent inside TLS, and never empty (an empty password is an
 * anonymous bind, RFC 4513 §5.1.2). Each client may open exactly one socket: the LDAP
 * library would otherwise reconnect by itself after a drop, and on a StartTLS session that
 * new socket is plaintext and unauthenticated. Instead the session notices the drop, opens
 * a fresh client (TLS + bind) and retries the search once.
 */
export async function openLdapSession(options: LdapSessionOptions): Promise<LdapSession> {
  if (options.credential.kind === 'simple' && options.credential.password.length === 0) throw new DirectoryError('EMPTY_PASSWORD');
  if (options.endpoint.scheme === 'ldap' && !options.startTls) throw new DirectoryError('PLAINTEXT_REFUSED');
  let connection = await connectAndBind(options);
  let roundTrips = 1;

  async function ensureClient(): Promise<Client> {
    if (!connection.bound() || connection.dropped()) {
      await connection.client.unbind().catch(() => undefined);
      connection = await connectAndBind(options);
      roundTrips += 1;
    }
    return connection.client;
  }

  async function* searchPages(request: SearchRequest): AsyncGenerator<readonly Entry[]> {
    let yieldedAny = false;
    if (request.signal?.aborted) throw new DirectoryError('CANCELLED');
    for (let attempt = 0; ; attempt += 1) {
      try {
        const active = await ensureClient();
        const pages = active.searchPaginated(request.base, {
          scope: request.scope,
          filter: request.filter,
          attributes: [...request.attributes],
          explicitBufferAttributes: BINARY_ATTRIBUTES,
          paged: { pageSize: request.pageSize ?? DEFAULT_PAGE_SIZE },
          sizeLimit: request.sizeLimit ?? 0,
          // The server's own limit follows ours: the library would otherwise ask for 10 s,
          // less than our default timeout, and a slow in-chain search would fail first.
          timeLimit: Math.ceil(options.timeoutMs / 1000),
        });
        // Ask for the next page before handing this one over, so the server works on it
        // while the caller converts entries; the library only sends the request when asked.
        const iterator = pages[Symbol.asyncIterator]();
        let pending = iterator.next();
        let finished = false;
        try {
          for (;;) {
            const page = await pending;
            if (page.done) {
              finished = true;
              return;
            }
            roundTrips += 1;
            if (request.signal?.aborted) throw new DirectoryError('CANCELLED');
            pending = iterator.next();
            pending.catch(() => undefined);
            yieldedAny = true;
            yield page.value.searchEntries;
          }
        } finally {
          // The caller stopped early (or was cancelled): let the library abandon the search.
          if (!finished) await iterator.return(undefined).catch(() => undefined);
        }
      } catch (error) {
        const classified = classifyLdapError(error);
        const retryable = classified.code === 'CONNECTION_LOST' && !yieldedAny && attempt === 0;
        if (!retryable) throw classified;
      }
    }
  }

  return {
    searchPages,
    async searchAll(request) {
      const entries: Entry[] = [];
      for await (const page of searchPages(request)) entries.push(...page);
      return entries;
    },
    roundTrips: () => roundTrips,
    kerberosPrincipal: () => connection.kerberosPrincipal,
    async close() {
      await connection.client.unbind().catch(() => undefined);
    },
  };
}

/** A bound client and whether its socket has since closed. */
type Connection = {
  readonly client: Client;
  readonly dropped: () => boolean;
  readonly bound: () => boolean;
  readonly kerberosPrincipal?: string | undefined;
};

async function connectAndBind(options: LdapSessionOptions): Promise<Connection> {
  const { credential } = options;
  if (credential.kind === 'kerberos') return connectWithKerberos(options, credential.serverName);
  const { client, dropped } = createSingleSocketClient(options);
  try {
    if (options.startTls) {
      try {
        await client.startTLS({ ...options.tlsOptions });
      } catch (error) {
        const classified = classifyLdapError(error);
        throw classified.code === 'DIRECTORY_ERROR' ? new DirectoryError('STARTTLS_FAILED', undefined, classified.detail) : classified;
      }
    }
    await client.bind(credential.name, credential.password);
    return { client, dropped, bound: () => client.isBound };
  } catch (error) {
    await client.unbind().catch(() => undefined);
    throw classifyLdapError(error);
  }
}

/**
 * Connect, protect (LDAPS, or StartTLS) and bind with Kerberos on our own socket, then hand
 * that socket, bound, to the LDAP library for the searches; the library's own binds are not
 * used, so its "bound" flag stays false and the socket's life is the session's.
 */
async function connectWithKerberos(options: LdapSessionOptions, serverName: string): Promise<Connection> {
  const { endpoint, timeoutMs } = options;
  let socket: net.Socket | undefined;
  try {
    const plain = await connectSocket(() => net.connect({ port: endpoint.port, host: endpoint.host }), 'connect', timeoutMs);
    socket = plain;
    let secure: tls.TLSSocket;
    let messageId = 1;
    if (options.startTls) {
      try {
        secure = await startTls(openLdapWire(plain, timeoutMs), plain, messageId, { ...options.tlsOptions });
      } catch (error) {
        const classified = classifyLdapError(error);
        throw classified.code === 'DIRECTORY_ERROR' ? new DirectoryError('STARTTLS_FAILED', undefined, classified.detail) : classified;
      }
      messageId += 1;
    } else {
      secure = await connectSocket(() => tls.connect({ ...options.tlsOptions, socket: plain }), 'secureConnect', timeoutMs);
    }
    socket = secure;
    const wire = openLdapWire(secure, timeoutMs);
    const bind = await bindWithKerberos(wire, serverName, messageId);
    wire.release();
    let closed = false;
    const markClosed = (): void => {
      closed = true;
    };
    // Until the library attaches its listeners (at the first search), a reset must not be an
    // unhandled 'error' event: it only marks the session for a fresh connection.
    for (const each of [plain, secure]) each.on('error', markClosed).once('close', markClosed);
    let handedOver = false;
    const handOver = (): tls.TLSSocket => {
      if (handedOver) throw new DirectoryError('CONNECTION_LOST');
      handedOver = true;
      return secure;
    };
    const client = new Client({
      url: endpoint.url,
      timeout: timeoutMs,
      connectTimeout: timeoutMs,
      createConnection: handOver,
      createSecureConnection: handOver,
    });
    return { client, dropped: () => closed, bound: () => !closed, kerberosPrincipal: bind.clientPrincipal };
  } catch (error) {
    socket?.destroy();
    throw classifyLdapError(error);
  }
}

/** Resolve once `socket` emits `ready` (connect or secureConnect), reject on error or after the timeout. */
function connectSocket<Socket extends net.Socket>(open: () => Socket, ready: 'connect' | 'secureConnect', timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = open();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new DirectoryError('TIMEOUT'));
    }, timeoutMs);
    const onError = (error: Error): void => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    socket.once(ready, () => {
      clearTimeout(timer);
      socket.off('error', onError);
      resolve(socket);
    });
    socket.once('error', onError);
  });
}

/**
 * A client allowed one TCP socket, and a flag that turns true when that socket closes.
 *
 * The flag is ours because after StartTLS the library watches the TLS wrapper, not the TCP
 * socket underneath, and does not notice when the latter is cut.
 */
function createSingleSocketClient(options: LdapSessionOptions): Omit<Connection, 'bound'> {
  const { endpoint } = options;
  let plainSockets = 0;
  let secureSockets = 0;
  let closed = false;
  const refuseSecond = (): never => {
    throw new DirectoryError('CONNECTION_LOST');
  };
  const watch = <Socket extends net.Socket>(socket: Socket): Socket => socket.once('close', () => (closed = true));
  const client = new Client({
    url: endpoint.url,
    timeout: options.timeoutMs,
    connectTimeout: options.timeoutMs,
    ...(endpoint.scheme === 'ldaps' ? { tlsOptions: { ...options.tlsOptions } } : {}),
    createConnection: ((port: number, host: string) => {
      plainSockets += 1;
      return plainSockets > 1 ? refuseSecond() : watch(net.connect(port, host));
    }) as typeof net.connect,
    createSecureConnection: ((...args: Parameters<typeof tls.connect>) => {
      secureSockets += 1;
      if (secureSockets > 1) return refuseSecond();
      const socket = tls.connect(...args);
      return endpoint.scheme === 'ldaps' ? watch(socket) : socket;
    }) as typeof tls.connect,
  });
  return { client, dropped: () => closed };
}
