import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from './app-request-path.ts';

const root = path.resolve('/srv/app/dist/renderer');

describe('resolveAppRequest', () => {
  it.each([
    ['app://console/', 'index.html'],
    ['app://console/index.html', 'index.html'],
    ['app://console/assets/index-DNfqGXqs.js', 'assets/index-DNfqGXqs.js'],
    ['app://console/index.html?tab=servers#top', 'index.html'],
    ['app://console/assets/a%20b.png', 'assets/a b.png'],
  ])('maps %s into the renderer folder', (url, relative) => {
    expect(resolveAppRequest(url, root)).toEqual({ kind: 'file', file: path.join(root, relative) });
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://console.evil/index.html'],
    ['user info', 'app://user@console/index.html'],
    ['a port', 'app://console:1/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['an encoded dot-dot', 'app://console/assets/%2e%2e/%2e%2e/secret'],
    ['a mixed-case encoded dot', 'app://console/%2E%2E%2Fsecret'],
    ['an encoded slash', 'app://console/assets%2f..%2fsecret'],
    ['an encoded backslash', 'app://console/..%5csecret'],
    ['a raw backslash', 'app://console/assets\\..\\secret'],
    ['an encoded NUL', 'app://console/index.html%00.png'],
    ['a double-encoded dot-dot', 'app://console/%252e%252e/secret'],
    ['a hidden file', 'app://console/.env'],
    ['a hidden folder', 'app://console/.git/config'],
    ['an empty segment', 'app://console/assets//index.js'],
    ['a Windows drive', 'app://console/C:/Windows/win.ini'],
    ['an NTFS stream', 'app://console/index.html::$DATA'],
    ['malformed percent-encoding', 'app://console/%E0%A4%A'],
    ['a folder (trailing slash)', 'app://console/assets/'],
    ['not a URL', '/index.html'],
    ['a dot-dot segment', 'app://console/../../../etc/passwd'],
    ['a dot-dot segment before a query', 'app://console/assets/..?x'],
    ['a dot segment', 'app://console/./index.html'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppRequest(url, root).kind).toBe('refused');
  });

  it('never resolves outside the folder, whatever path it is given', () => {
    const pieces = fc.constantFrom('..', '.', '%2e', '%2E%2e', '%2f', '%5c', '\\', '%00', 'assets', 'index.html', 'C:', ':', '%25', '', 'a', '/');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const target = resolveAppRequest(`app://console/${parts.join('/')}`, root);
        return target.kind === 'refused' || target.file.startsWith(root + path.sep);
      }),
    );
  });
});
