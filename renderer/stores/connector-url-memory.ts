/** Where the last connector URL is kept between runs of the console (this window's origin only). */
const STORAGE_KEY = 'rms-connector-admin.connector-url';

/**
 * The connector URL the admin last checked or configured, or `''`.
 *
 * Deployment health and Configure servers ask for the same load-balanced name, so typing it
 * once fills both. Kept in the renderer's local storage (not a secret); a storage that cannot
 * be read (disabled, a sandboxed origin) simply means nothing is remembered.
 */
export function rememberedConnectorUrl(): string {
  try {
    return globalThis.localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Remember the connector URL once a check or a preview has accepted it. */
export function rememberConnectorUrl(url: string): void {
  try {
    globalThis.localStorage.setItem(STORAGE_KEY, url);
  } catch {
    // Nothing to do: remembering is a convenience.
  }
}
