import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { webcrypto } from 'node:crypto';
import type tls from 'node:tls';
import '../../tls/issue-certificates-reflect-shim.ts';
import * as x509 from '@peculiar/x509';
import type { CertificateAuthority } from '../../tls/issue-certificates.ts';

/** A listening loopback server and how to stop it. */
export type LoopbackServer = { readonly port: number; close(): Promise<void> };

const VERIFICATION_PAGE =
  '<!DOCTYPE html><html><head><title>ServerCertificationWebService Web Service</title></head><body><h1>ServerCertificationWebService</h1></body></html>';

/** Answer like a connector node: the verification page, the tenant URL, 404 for the rest. */
function connectorPages(tenantUrl: string | undefined): http.RequestListener {
  return (request, response) => {
    if (request.url === '/_wmcs/certification/servercertification.asmx') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(VERIFICATION_PAGE);
    } else if (request.url === '/_wmcs/GetRmsoUri.aspx' && tenantUrl !== undefined) {
      response.writeHead(200, { 'content-type': 'text/plain' }).end(tenantUrl);
    } else {
      response.writeHead(404).end();
    }
  };
}

/**
 * Where a loopback server listens: 127.0.0.1 on a free port unless told otherwise.
 *
 * On Linux all of 127.0.0.0/8 is loopback, so a second "node" behind one connector name can
 * listen on 127.0.0.2 with the first one's port.
 */
export type LoopbackAddress = { readonly host?: string; readonly port?: number };

/** An HTTPS "connector" with the given certificate and TLS settings. */
export async function startHttpsConnector(
  options: LoopbackAddress & {
    readonly certPem: string;
    readonly keyPem: string;
    readonly tls?: tls.TlsOptions;
    readonly tenantUrl?: string;
    readonly handler?: http.RequestListener;
  },
): Promise<LoopbackServer> {
  const server = https.createServer({ cert: options.certPem, key: options.keyPem, ...options.tls }, options.handler ?? connectorPages(options.tenantUrl));
  server.on('tlsClientError', () => undefined);
  return listen(server, options);
}

/** A plain-HTTP "connector" (on an https:// URL's address: one that refuses TLS). */
export async function startHttpConnector(
  options: LoopbackAddress & { readonly tenantUrl?: string; readonly handler?: http.RequestListener } = {},
): Promise<LoopbackServer> {
  return listen(http.createServer(options.handler ?? connectorPages(options.tenantUrl)), options);
}

/** A server that accepts TCP connections and never answers: a hung node, for deadlines and cancels. */
export async function startSilentServer(options: LoopbackAddress = {}): Promise<LoopbackServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A CRL distribution point serving `body` at every path, counting requests. */
export async function startCrlServer(body: Uint8Array): Promise<LoopbackServer & { readonly requests: () => number }> {
  let requests = 0;
  const server = await listen(
    http.createServer((_request, response) => {
      requests += 1;
      response.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(body);
    }),
  );
  return { ...server, requests: () => requests };
}

/** A CRL signed by `ca`, DER. */
export async function createCrl(ca: CertificateAuthority, options: { readonly thisUpdate: Date; readonly nextUpdate: Date }): Promise<Uint8Array> {
  const body = ca.keyPem.replace(/-----(BEGIN|END) PRIVATE KEY-----/g, '').replace(/\s+/g, '');
  const signingKey = await webcrypto.subtle.importKey('pkcs8', Buffer.from(body, 'base64'), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const crl = await x509.X509CrlGenerator.create(
    {
      issuer: new x509.X509Certificate(ca.certPem).subject,
      thisUpdate: options.thisUpdate,
      nextUpdate: options.nextUpdate,
      signingKey,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    },
    webcrypto,
  );
  return new Uint8Array(crl.rawData);
}

async function listen(server: http.Server, where: LoopbackAddress = {}): Promise<LoopbackServer> {
  server.listen(where.port ?? 0, where.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A resolver that knows only the given names, like a test DNS zone. */
export function zoneResolver(zone: Readonly<Record<string, readonly string[]>>): (hostname: string) => Promise<readonly string[]> {
  return (hostname) => {
    const addresses = zone[hostname.toLowerCase()];
    if (addresses) return Promise.resolve(addresses);
    return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
  };
}
