import { createServer, type AddressInfo } from 'node:net';

/**
 * A mirror URL on a loopback port nothing listens on, for tests of the failed download.
 *
 * The port was free a moment ago (a server took it and closed), so a connection is refused at
 * once, as without network, and nothing leaves the machine. Fetch refuses well-known "bad
 * ports" such as 9 with another error, so the port is not a fixed one.
 */
export async function unreachableMirror(): Promise<{ url: string; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return { url: `http://127.0.0.1:${String(port)}/`, port };
}
