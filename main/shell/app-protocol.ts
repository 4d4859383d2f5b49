import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveAppRequest } from './app-request-path.ts';
import { contentSecurityPolicyHeader } from './content-security-policy.ts';
import { contentTypeOf } from './mime-types.ts';

/**
 * The privileges the app scheme is registered with (before the app is ready).
 *
 * `standard` gives it real origins and relative URLs, `secure` a secure context, fetch and
 * CORS support let the renderer's module scripts load. Deliberately absent: `bypassCSP`,
 * `allowServiceWorkers`, `stream`, `allowExtensions`.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } as const;

/** The part of a protocol request the handler reads. */
export type AppProtocolRequest = { readonly url: string; readonly method: string };

/** Options of {@link createAppProtocolHandler}. */
export type AppProtocolOptions = {
  /** The built renderer (app/dist/renderer). */
  readonly rendererFolder: string;
  /** Told about each refused request (URL and reason, nothing else). */
  readonly onRefused?: (details: { url: string; reason: string }) => void;
};

/** Headers on every answer: no sniffing, no caching, no referrer, no cross-origin use. */
const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
} as const;

/**
 * The `protocol.handle` callback that serves the built renderer.
 *
 * GET and HEAD only. A path the resolver refuses, a missing file, a folder, or a file that
 * (through a link) lives outside the renderer folder answers 404 with no detail. Every
 * answer carries the CSP as a header — so `frame-ancestors` works, unlike in `<meta>` —
 * plus `nosniff`.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: AppProtocolRequest) => Promise<Response> {
  const rootPromise = realpath(options.rendererFolder).catch(() => path.resolve(options.rendererFolder));
  const policy = contentSecurityPolicyHeader();
  const headersFor = (contentType: string): Record<string, string> => ({ ...COMMON_HEADERS, 'content-security-policy': policy, 'content-type': contentType });
  const notFound = (url: string, reason: string): Response => {
    options.onRefused?.({ url, reason });
    return new Response('Not found', { status: 404, headers: headersFor('text/plain; charset=utf-8') });
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...headersFor('text/plain; charset=utf-8'), allow: 'GET, HEAD' } });
    }
    const target = resolveAppRequest(request.url, options.rendererFolder);
    if (target.kind === 'refused') return notFound(request.url, target.reason);
    const root = await rootPromise;
    const real = await realpath(target.file).catch(() => undefined);
    if (real === undefined) return notFound(request.url, 'no such file');
    const inside = path.relative(root, real);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return notFound(request.url, 'links outside the renderer folder');
    const info = await stat(real);
    if (!info.isFile()) return notFound(request.url, 'not a file');
    const headers = headersFor(contentTypeOf(real));
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers: { ...headers, 'content-length': String(info.size) } });
    return new Response(await readFile(real), { status: 200, headers });
  };
}
