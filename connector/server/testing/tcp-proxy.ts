import net from 'node:net';

/** A loopback TCP proxy a test can cut and restore, standing in for a network or database outage. */
export type TcpProxy = {
  readonly port: number;
  /** Refuse new connections and cut every open one, as a dead host would. */
  cut(): Promise<void>;
  /** Listen again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Forward 127.0.0.1:<free port> to 127.0.0.1:`targetPort`.
 *
 * Lets a test take the database away from a running node and give it back, with the node's own
 * reconnect logic doing the rest.
 */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The proxy has no TCP address.');
  const cut = async () => {
    const closed = new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    port: address.port,
    cut,
    restore: () => listen(address.port),
    close: async () => {
      if (server.listening) await cut();
    },
  };
}
