import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentTypeOf } from '../../../main/shell/mime-types.ts';

/** A static HTTP server on loopback and how to stop it. */
export type StaticSite = { readonly url: string; close(): Promise<void> };

/**
 * Where a request path points inside `root`, or undefined when it must be refused.
 *
 * Decoded once, resolved, and kept only if it is still inside `root`: `..`, encoded
 * `%2e%2e`, backslashes and NUL bytes cannot leave the folder. `/` is the index page; any
 * other folder is not listed.
 */
export function fileOfRequest(root: string, requestUrl: string): string | undefined {
  const pathname = new URL(requestUrl, 'http://site.invalid').pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  return file.startsWith(`${path.resolve(root)}${path.sep}`) ? file : undefined;
}

/**
 * Serve the files of `root` (the built renderer) on 127.0.0.1 at a free port.
 *
 * GET and HEAD only, a content type per extension (unknown ones as octet-stream, with
 * `nosniff`), no directory listing, nothing outside `root`, nothing cached between runs.
 */
export async function serveStaticSite(root: string): Promise<StaticSite> {
  const server = createServer((request, response) => {
    respond(root, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

async function respond(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
    return;
  }
  const file = fileOfRequest(root, request.url ?? '/');
  const info = file === undefined ? undefined : await stat(file).catch(() => undefined);
  if (file === undefined || info?.isFile() !== true) {
    response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const contentType = contentTypeOf(file);
  response.writeHead(200, { ...headers, 'content-type': contentType, 'content-length': String(info.size) });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}
