import { isAppUrl } from './app-origin.ts';

/** What the Help menu's Documentation item opens: Microsoft's page on deploying the RMS connector. */
export const DOCUMENTATION_URL = 'https://learn.microsoft.com/en-us/azure/information-protection/deploy-rms-connector';

/**
 * Documentation the console may hand to the system browser: host and path prefixes.
 *
 * Only Microsoft Learn pages about the connector, the AIPService cmdlets and super users;
 * everything else a page tries to open is dropped, because `shell.openExternal` with an
 * attacker's URL can start any registered protocol handler on the machine.
 */
const DOCUMENTATION_PREFIXES: readonly { readonly host: string; readonly pathPrefix: string }[] = [
  { host: 'learn.microsoft.com', pathPrefix: '/en-us/azure/information-protection/' },
  { host: 'learn.microsoft.com', pathPrefix: '/en-us/powershell/module/aipservice/' },
  { host: 'learn.microsoft.com', pathPrefix: '/en-us/purview/' },
];

/**
 * Whether the window may navigate (or be redirected) to `url`: only inside the app origin.
 *
 * The console is a single page; anything else — a link, a form, a redirect, a drag-and-drop
 * of a file — is prevented.
 */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Whether `url` is documentation the system browser may open.
 *
 * https only, the exact host (no port, no user info) and an allowlisted path prefix after
 * the URL parser has resolved dot segments and encodings; the prefix ends in `/` so
 * `/en-us/purview-evil` does not match `/en-us/purview/`.
 */
export function isAllowedDocumentation(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return false;
  return DOCUMENTATION_PREFIXES.some(({ host, pathPrefix }) => parsed.hostname === host && parsed.pathname.startsWith(pathPrefix));
}
