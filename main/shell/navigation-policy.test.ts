import { describe, expect, it } from 'vitest';
import { DOCUMENTATION_URL, isAllowedDocumentation, isAllowedNavigation } from './navigation-policy.ts';

describe('isAllowedNavigation', () => {
  it('allows pages of the app origin', () => {
    expect([isAllowedNavigation('app://console/index.html'), isAllowedNavigation('app://console/')]).toEqual([true, true]);
  });

  it.each([
    'app://console.evil/index.html',
    'app://evil/',
    'https://learn.microsoft.com/',
    'file:///C:/Windows/win.ini',
    'javascript:alert(1)',
    'data:text/html,<p>x',
  ])('prevents navigating to %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('isAllowedDocumentation', () => {
  it('allows the documentation page and its neighbours', () => {
    expect([DOCUMENTATION_URL, 'https://learn.microsoft.com/en-us/powershell/module/aipservice/add-aipservicesuperuser'].map(isAllowedDocumentation)).toEqual([
      true,
      true,
    ]);
  });

  it.each([
    ['plain http', 'http://learn.microsoft.com/en-us/azure/information-protection/deploy-rms-connector'],
    ['a look-alike host', 'https://learn.microsoft.com.evil.example/en-us/azure/information-protection/'],
    ['user info', 'https://learn.microsoft.com@evil.example/en-us/azure/information-protection/'],
    ['a port', 'https://learn.microsoft.com:8443/en-us/azure/information-protection/'],
    ['another path on the host', 'https://learn.microsoft.com/en-us/answers/'],
    ['a prefix without its slash', 'https://learn.microsoft.com/en-us/purview-evil/x'],
    ['dot segments leaving the prefix', 'https://learn.microsoft.com/en-us/purview/../../evil'],
    ['a custom protocol handler', 'ms-settings:privacy'],
    ['a file URL', 'file:///C:/Windows/System32/calc.exe'],
    ['an SMB path', '\\\\evil\\share\\x.exe'],
    ['not a URL', 'learn.microsoft.com/en-us/purview/'],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedDocumentation(url)).toBe(false);
  });
});
