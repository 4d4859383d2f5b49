import type { AddressInfo, Socket } from 'node:net';
import ldap from 'ldapjs';
import { contosoDomain } from '../contoso/contoso-domain.ts';
import type { DemoDirectoryHandle } from '../environment/demo-directory-port.ts';
import { createAuthenticator } from './authenticate.ts';
import { loadOrCreateIdentity } from './demo-identity.ts';
import { ensureDemoCertificates } from './demo-certificates.ts';
import { serveConnection } from './ldap-connection.ts';
import { seedContosoDirectory } from './seed-contoso.ts';

/**
 * A running demo directory and how to reach it.
 *
 * Exactly the environment's port, {@link DemoDirectoryHandle}: this directory is what answers it.
 */
export type DemoDirectory = DemoDirectoryHandle;

/** How many `Bulk User NNNN` accounts the demo holds unless told otherwise: past AD's 1,000-entry page. */
export const DEFAULT_BULK_USERS = 1200;
const MAX_BULK_USERS = 100_000;

/** ldapjs accepts a router that receives each accepted socket; its type definitions omit it. */
type RoutedServerOptions = ldap.ServerOptions & { connectionRouter: (socket: Socket) => void };

/**
 * Start the demo directory: an AD-like LDAP server over LDAPS on 127.0.0.1 (a free port),
 * seeded with the Contoso scenario.
 *
 * The folder keeps what must survive a restart: the CA (`ca.pem`), the server key and
 * certificate, and the identity file (domain SID, GUID key, administrator password), all but
 * the CA with mode 0600. The same folder always yields the same SIDs and GUIDs.
 */
export async function startDemoDirectory(options: { folder: string; bulkUsers?: number }): Promise<DemoDirectory> {
  const bulkUsers = options.bulkUsers ?? DEFAULT_BULK_USERS;
  if (!Number.isInteger(bulkUsers) || bulkUsers < 0 || bulkUsers > MAX_BULK_USERS) {
    throw new Error(`bulkUsers must be a whole number from 0 to ${MAX_BULK_USERS}; got ${String(options.bulkUsers)}.`);
  }
  const certificates = await ensureDemoCertificates(options.folder, contosoDomain.serverName);
  const identity = await loadOrCreateIdentity(options.folder);
  const seeded = seedContosoDirectory(identity, bulkUsers);
  const services = {
    store: seeded.store,
    rootDse: { baseDn: contosoDomain.baseDn, serverName: contosoDomain.serverName, hostName: contosoDomain.hostName, dnsName: contosoDomain.dnsName },
    authenticator: createAuthenticator(seeded.store, seeded.passwords, { netbiosDomain: contosoDomain.netbiosDomain, dnsName: contosoDomain.dnsName }),
  };
  const sockets = new Set<Socket>();
  const serverOptions: RoutedServerOptions = {
    certificate: certificates.certPem,
    key: certificates.keyPem,
    connectionRouter: (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      serveConnection(socket, services);
    },
  };
  const server = ldap.createServer(serverOptions);
  server.maxConnections = 1000;
  // A client that drops mid-handshake surfaces here; it concerns that client only.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = (server as unknown as { address(): AddressInfo }).address();
  return {
    url: `ldaps://127.0.0.1:${port}`,
    caFile: certificates.caFile,
    serverName: contosoDomain.serverName,
    baseDn: contosoDomain.baseDn,
    dnsDomainName: contosoDomain.dnsName,
    netbiosDomain: contosoDomain.netbiosDomain,
    administrator: { user: `Administrator@${contosoDomain.dnsName}`, password: identity.administratorPassword },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
