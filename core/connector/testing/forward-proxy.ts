import http from 'node:http';
import net from 'node:net';

/** What the proxy forwarded: an absolute-form request, or a CONNECT tunnel. */
export type ProxyRecord = { readonly kind: 'forward'; readonly method: string; readonly target: string } | { readonly kind: 'tunnel'; readonly target: string };

/** A running forward proxy and what it forwarded. */
export type ForwardProxy = {
  readonly url: string;
  readonly port: number;
  readonly records: ProxyRecord[];
  close(): Promise<void>;
};

/**
 * Start a web proxy on 127.0.0.1 that forwards absolute-form HTTP and tunnels CONNECT.
 *
 * `refuseConnect` answers every CONNECT with 403, as a proxy that blocks a destination does.
 */
export async function startForwardProxy(options: { readonly refuseConnect?: boolean } = {}): Promise<ForwardProxy> {
  const records: ProxyRecord[] = [];
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = http.createServer((request, response) => {
    const target = request.url ?? '';
    records.push({ kind: 'forward', method: request.method ?? '', target });
    const headers = { ...request.headers };
    delete headers['proxy-connection'];
    const upstream = http.request(target, { method: request.method, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><body>Bad Gateway</body></html>');
    });
    request.pipe(upstream);
  });
  server.on('connection', track);
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = request.url ?? '';
    records.push({ kind: 'tunnel', target });
    track(client);
    if (options.refuseConnect === true) {
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const separator = target.lastIndexOf(':');
    const upstream = net.connect(Number(target.slice(separator + 1)), target.slice(0, separator), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n'));
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    records,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
