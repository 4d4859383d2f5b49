import net from 'node:net';

/** A TCP port free on 127.0.0.1 right now (bound and released), for processes that need a fixed one. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  if (address === null || typeof address === 'string') throw new Error('No TCP address.');
  return address.port;
}
