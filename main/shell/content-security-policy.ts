/**
 * SHA-256 of the empty string, as a CSP hash source.
 *
 * Fluent UI's styling engine (Griffel) and FluentProvider's theme tag create *empty*
 * `<style>` elements and fill them through `sheet.insertRule` (CSSOM, which CSP does not
 * govern). Under `style-src 'self'` alone Chromium refuses to create those sheets
 * ("Applying inline style violates … style-src") and the console renders unstyled —
 * measured with the built renderer in Chromium. Allowing exactly the empty content by its
 * hash lets the empty elements through while any `<style>` with text in it, and every
 * `style="…"` attribute in markup, stays blocked: no `'unsafe-inline'`.
 */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * The console's Content-Security-Policy, directive by directive.
 *
 * Everything is off (`default-src 'none'`) and only what the renderer uses is named: its own
 * scripts (no inline, no eval), its own styles plus Fluent's empty style elements, its own
 * images and the data-URL favicon, its own fonts. `connect-src 'none'` because the renderer
 * talks to main only through `window.adminBridge`, never over the network; no frames, no
 * plugins, no `<base>`, no forms posting anywhere, and nobody may frame the console.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", EMPTY_STYLE_HASH],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'none'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'worker-src': ["'none'"],
  'manifest-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Directives that only work as a header: a `<meta>` policy ignores them (Chromium warns). */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy as the HTTP header value the app protocol sends with every page. */
export function contentSecurityPolicyHeader(): string {
  return serialize(Object.entries(CONTENT_SECURITY_POLICY));
}

/**
 * The same policy for renderer/index.html's `<meta>` tag, minus the header-only directives.
 *
 * Both apply in the app (a page obeys every policy it gets), so the meta tag keeps the
 * policy when the renderer is opened any other way, e.g. from the browser test server.
 */
export function contentSecurityPolicyMeta(): string {
  return serialize(Object.entries(CONTENT_SECURITY_POLICY).filter(([name]) => !HEADER_ONLY_DIRECTIVES.has(name)));
}

/**
 * Split a policy string into its directives (lower-cased names, sources in order).
 *
 * For checking a policy, not enforcing one; a repeated directive keeps its first value,
 * as browsers do.
 */
export function parseContentSecurityPolicy(policy: string): Map<string, readonly string[]> {
  const directives = new Map<string, readonly string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name === undefined || name === '') continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}

function serialize(directives: readonly (readonly [string, readonly string[]])[]): string {
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
