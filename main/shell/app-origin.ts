/**
 * The scheme the console's pages are served from (`app://console/…`), never `file://`.
 *
 * A custom scheme gives the pages a real origin of their own: CSP arrives as a header,
 * navigation and IPC checks compare against one exact origin, and a page cannot read other
 * files on the machine the way a `file://` page can.
 */
export const APP_SCHEME = 'app';

/** The one host the app scheme serves; anything else (`app://console.evil`) is foreign. */
export const APP_HOST = 'console';

/** The console's origin, as Chromium reports it for a standard scheme. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the window loads first. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether `url` lies inside the console's own origin.
 *
 * Parsed by the URL parser and compared part by part (scheme, host, no port, no user
 * info), never by prefix: `app://console.evil/`, `app://console@evil/` and
 * `app://evil/?app://console` all fail. Node's parser reports the origin of a non-special
 * scheme as "null", which is why the parts are compared rather than `url.origin`.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
