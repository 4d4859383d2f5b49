import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicyHeader, contentSecurityPolicyMeta, EMPTY_STYLE_HASH, parseContentSecurityPolicy } from './content-security-policy.ts';
import { createHash } from 'node:crypto';

const header = parseContentSecurityPolicy(contentSecurityPolicyHeader());

function metaPolicyOfIndexHtml(): string {
  const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (match?.[1] === undefined) throw new Error('renderer/index.html has no CSP meta tag');
  return match[1];
}

describe('content security policy', () => {
  it('sends each directive with exactly the sources the renderer needs', () => {
    expect(Object.fromEntries(header)).toEqual({
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
    });
  });

  it('allows no inline script, no eval and no inline style anywhere', () => {
    const allSources = [...header.values()].flat();
    expect(allSources).not.toContain("'unsafe-inline'");
    expect(allSources).not.toContain("'unsafe-eval'");
    expect(allSources).not.toContain("'wasm-unsafe-eval'");
    expect(allSources).not.toContain("'unsafe-hashes'");
    expect(allSources).not.toContain('*');
    expect(header.get('script-src')).toEqual(["'self'"]);
  });

  it('lets through only empty style elements, by the hash of the empty string', () => {
    const emptyHash = `'sha256-${createHash('sha256').update('').digest('base64')}'`;
    expect(EMPTY_STYLE_HASH).toBe(emptyHash);
  });

  it('keeps renderer/index.html meta policy equal to the header minus header-only directives', () => {
    const meta = parseContentSecurityPolicy(metaPolicyOfIndexHtml());
    const expected = new Map(header);
    expected.delete('frame-ancestors');
    expect(meta).toEqual(expected);
    expect(metaPolicyOfIndexHtml()).toBe(contentSecurityPolicyMeta());
  });

  it('parses names case-insensitively and keeps the first of a repeated directive', () => {
    expect(parseContentSecurityPolicy("Script-Src 'self';; script-src *; img-src data:")).toEqual(
      new Map([
        ['script-src', ["'self'"]],
        ['img-src', ['data:']],
      ]),
    );
  });
});
