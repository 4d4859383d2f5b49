import { describe, expect, it } from 'vitest';
import { findInsecureSettings, isProductFile } from './insecure-settings.ts';

describe('insecure settings gate', () => {
  it.each([
    ["process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", 'NODE_TLS_REJECT_UNAUTHORIZED'],
    ['const options = { rejectUnauthorized: false };', 'rejectUnauthorized: false'],
    ["tls.connect({ 'rejectUnauthorized' : false })", 'rejectUnauthorized: false'],
    ['webPreferences: { webSecurity: false }', 'webSecurity: false'],
    ['webPreferences: { allowRunningInsecureContent: true }', 'allowRunningInsecureContent'],
    ['webPreferences: { nodeIntegration: true }', 'nodeIntegration: true'],
    ['webPreferences: { nodeIntegrationInSubFrames: true }', 'nodeIntegration: true'],
    ['webPreferences: { contextIsolation: false }', 'contextIsolation: false'],
    ['webPreferences: { sandbox: false }', 'sandbox: false'],
    ['<webview src="x" webpreferences="nodeIntegration=true"></webview>', 'nodeIntegration: true'],
  ])('flags %s', (line, rule) => {
    expect(findInsecureSettings('main/shell/window.ts', `const a = 1;\n${line}\n`)).toEqual([{ file: 'main/shell/window.ts', line: 2, rule, text: line }]);
  });

  it('passes the secure settings and comments that explain what is refused', () => {
    const text = [
      'webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },',
      'tls.connect({ rejectUnauthorized: true });',
      ' * never set `allowRunningInsecureContent` or NODE_TLS_REJECT_UNAUTHORIZED',
      "const url = 'https://example.invalid/'; // sandbox: false would be wrong",
    ].join('\n');
    expect(findInsecureSettings('main/shell/window.ts', text)).toEqual([]);
  });

  it.each([
    ['main/shell/main-window.ts', true],
    ['renderer/index.html', true],
    ['connector/server/app.ts', true],
    ['main/shell/main-window.test.ts', false],
    ['main/shell/testing/fake-electron.ts', false],
    ['renderer/app/app.test.tsx', false],
    ['main/shell/README.md', false],
  ])('treats %s as product code: %s', (path, product) => {
    expect(isProductFile(path)).toBe(product);
  });
});
