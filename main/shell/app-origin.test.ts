import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from './app-origin.ts';

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://console/', 'app://console/assets/index-abc.js', 'app://console/index.html#/servers', 'app://console/index.html?x=1'])(
    'accepts %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it.each([
    ['a look-alike host', 'app://console.evil/index.html'],
    ['user info hiding another host', 'app://console@evil/index.html'],
    ['a host ending like ours', 'app://evilconsole/index.html'],
    ['a port', 'app://console:8080/index.html'],
    ['another scheme', 'https://console/index.html'],
    ['a file URL', 'file:///C:/app/index.html'],
    ['our origin only in the query', 'https://evil.example/?app://console'],
    ['upper-case scheme host mix', 'app://CONSOLE.evil/'],
    ['a devtools page', 'devtools://devtools/bundled/inspector.html'],
    ['about:blank', 'about:blank'],
    ['not a URL', 'console/index.html'],
    ['an empty string', ''],
  ])('refuses %s', (_label, url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
