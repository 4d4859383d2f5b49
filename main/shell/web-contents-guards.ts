import { isAppUrl } from './app-origin.ts';
import { isAllowedDocumentation, isAllowedNavigation } from './navigation-policy.ts';
import type { ShellSession, ShellWebContents } from './shell-electron.ts';

/** What the guards need from outside. */
export type GuardOptions = {
  /** Opens an allowlisted documentation URL in the system browser (`shell.openExternal`). */
  readonly openExternal: (url: string) => Promise<void>;
  readonly log: (line: Record<string, unknown>) => void;
};

/**
 * Lock a page down: no navigation away, no new windows, no `<webview>`.
 *
 * Applied to every webContents the app creates (from `web-contents-created`), not only the
 * main window's, so nothing opened later escapes. `will-navigate` and `will-redirect` let
 * through only the app origin (exact comparison after parsing); `window.open` and
 * `target=_blank` are always denied, and an allowlisted documentation link goes to the
 * system browser instead; `<webview>` is refused outright (the tag is off anyway).
 */
export function guardWebContents(contents: ShellWebContents, options: GuardOptions): void {
  const denyForeign = (kind: string) => (details: { readonly url: string; preventDefault(): void }) => {
    if (isAllowedNavigation(details.url)) return;
    details.preventDefault();
    options.log({ event: 'navigation-denied', kind, target: originForLog(details.url) });
  };
  contents.on('will-navigate', denyForeign('navigate'));
  contents.on('will-redirect', denyForeign('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.log({ event: 'webview-denied' });
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedDocumentation(url)) {
      // Only allowlisted documentation reaches this line (checked just above, and again by the shell before shell.openExternal).
      const opening = options.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
      opening.catch(() => {
        options.log({ event: 'open-external-failed', target: originForLog(url) });
      });
    } else {
      options.log({ event: 'window-open-denied', target: originForLog(url) });
    }
    return { action: 'deny' };
  });
}

/**
 * Whether a page may have a permission: only writing sanitized text to the clipboard, only
 * from the console's own origin ("Copy as text" of the health report, a ticket's worth of
 * plain text). Reading the clipboard, devices, camera, notifications… are all refused.
 */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/**
 * Deny every permission a page can ask for — camera, microphone, notifications, geolocation,
 * clipboard reading, HID/serial/USB devices… — except {@link isPermissionGranted}'s one.
 *
 * Without a handler Electron would grant every request. The check handler answers the
 * synchronous "is this allowed?" queries by the same rule.
 */
export function denyAllPermissions(session: ShellSession, log: (line: Record<string, unknown>) => void): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const granted = isPermissionGranted(permission, details.requestingUrl);
    if (!granted) log({ event: 'permission-denied', permission });
    callback(granted);
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}

/** Scheme and host only: a denied URL may carry data in its path or query. */
function originForLog(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? parsed.protocol : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '(not a URL)';
  }
}
