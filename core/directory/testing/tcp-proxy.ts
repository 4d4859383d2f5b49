import net from 'node:net';

/** A loopback TCP proxy that records each connection's first bytes and can cut them all. */
export type TcpProxy = {
  readonly port: number;
  readonly firstBytes: Buffer[];
  dropAll(): void;
  close(): Promise<void>;
};

/**
 * Start a proxy to 127.0.0.1:targetPort, for tests that need a connection to drop mid-session.
 */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const firstBytes: Buffer[] = [];
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.once('data', (chunk: Buffer) => firstBytes.push(Buffer.from(chunk)));
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    firstBytes,
    dropAll: () => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
