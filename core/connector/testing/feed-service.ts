import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';

/** One request to the fake feed, and the means to answer it as a stream or a refusal. */
export type FeedExchange = {
  readonly headers: http.IncomingHttpHeaders;
  readonly receivedAt: number;
  /** Start the event stream (200, text/event-stream unless `contentType` says otherwise). */
  open(contentType?: string): void;
  /** One event: `id:` (when given), `event:`, one `data:` line of JSON, a blank line. */
  event(name: string, data: unknown, id?: number): void;
  /** Bytes as they are, to split frames or send comments. */
  write(text: string): void;
  /** Answer with a status and a JSON body instead of a stream. */
  refuse(status: number, json: unknown, headers?: Readonly<Record<string, string>>): void;
  /** Drop the connection, as a crashed node or a cut network does. */
  hangUp(): void;
  /** Resolves when the client closed its side. */
  readonly closed: Promise<void>;
};

/** A scripted `GET /v1/events`: one handler per connection, in order; the last repeats. */
export type FeedService = {
  readonly url: string;
  readonly exchanges: FeedExchange[];
  script(...handlers: ((exchange: FeedExchange) => void)[]): void;
  /** Resolves with the `index`-th exchange (0-based) once it arrived. */
  exchange(index: number): Promise<FeedExchange>;
  close(): Promise<void>;
};

/**
 * Start a `node:http` server on 127.0.0.1 that plays a scripted change feed.
 *
 * Real sockets (TLS when given a certificate): the client's undici stream, its timers and its
 * reconnects run for real.
 */
export async function startFeedService(tlsOptions?: { readonly key: string; readonly cert: string }): Promise<FeedService> {
  const exchanges: FeedExchange[] = [];
  const waiters: { index: number; resolve: (exchange: FeedExchange) => void }[] = [];
  let handlers: ((exchange: FeedExchange) => void)[] = [
    (exchange) => {
      exchange.refuse(404, { code: 'NOT_FOUND', message: 'Nothing scripted.' });
    },
  ];
  const sockets = new Set<net.Socket>();
  const handle = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    const closed = new Promise<void>((resolve) => response.on('close', resolve));
    const exchange: FeedExchange = {
      headers: request.headers,
      receivedAt: Date.now(),
      open: (contentType = 'text/event-stream; charset=utf-8') => {
        response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache' });
        response.flushHeaders();
      },
      event: (name, data, id) => {
        response.write(`${id === undefined ? '' : `id: ${String(id)}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
      },
      write: (text) => {
        response.write(text);
      },
      refuse: (status, json, headers = {}) => {
        response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        response.end(JSON.stringify(json));
      },
      hangUp: () => {
        request.socket.destroy();
      },
      closed,
    };
    exchanges.push(exchange);
    const handler = handlers.length > 1 ? handlers.shift() : handlers[0];
    handler?.(exchange);
    for (const waiter of waiters.filter((candidate) => candidate.index === exchanges.length - 1)) waiter.resolve(exchange);
  };
  const server = tlsOptions ? https.createServer({ key: tlsOptions.key, cert: tlsOptions.cert }, handle) : http.createServer(handle);
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `${tlsOptions ? 'https' : 'http'}://127.0.0.1:${String(port)}`,
    exchanges,
    script: (...next) => {
      handlers = next;
    },
    exchange: (index) => {
      const existing = exchanges[index];
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve) => waiters.push({ index, resolve }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
