import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';

/** Where an app-protocol request points: a file inside the renderer folder, or a refusal and why. */
export type AppRequestTarget = { readonly kind: 'file'; readonly file: string } | { readonly kind: 'refused'; readonly reason: string };

/**
 * Checked on the URL exactly as received, before the URL parser folds dot segments away:
 * a backslash, a NUL, an encoded NUL, dot, slash or backslash, or a `.`/`..` segment.
 * The renderer never asks for such a URL, so it can only come from someone probing.
 */
const RAW_FORBIDDEN = /[\\\0]|%(?:00|2e|2f|5c)|\/\.\.?(?:[/?#]|$)/i;

/** A path segment is refused when it is empty, starts with a dot (`.`, `..`, hidden names) or holds a colon (drive, NTFS stream). */
const FORBIDDEN_SEGMENT = /^$|^\.|:/;

/**
 * Map an `app://console/…` request URL to a file inside `rendererFolder`, or refuse it.
 *
 * Pure (no file system access): the protocol handler stats the file afterwards. Refused are
 * other schemes and hosts, a port or user info, and any path that — raw or after decoding
 * once — holds a NUL, a backslash, an encoded slash or dot segment, an absolute or drive
 * path, a hidden name or an empty segment. What remains is resolved under the folder and
 * must still lie inside it. `/` is the index page; folders are never listed.
 */
export function resolveAppRequest(requestUrl: string, rendererFolder: string): AppRequestTarget {
  if (RAW_FORBIDDEN.test(requestUrl)) return refused('encoded, dot or forbidden characters in the URL');
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refused('not a URL');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return refused('not the console origin');
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return refused('malformed percent-encoding');
  }
  if (/[\\\0%]/.test(decoded)) return refused('forbidden characters in the path (or encoded twice)');
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const segments = relative.split('/');
  if (!decoded.startsWith('/') || segments.some((segment) => FORBIDDEN_SEGMENT.test(segment))) return refused('a path segment is not allowed');
  const root = path.resolve(rendererFolder);
  const file = path.resolve(root, ...segments);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return refused('outside the renderer folder');
  return { kind: 'file', file };
}

function refused(reason: string): AppRequestTarget {
  return { kind: 'refused', reason };
}
