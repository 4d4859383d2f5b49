import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from './app-protocol.ts';
import { contentSecurityPolicyHeader } from './content-security-policy.ts';

let base: string;
let rendererFolder: string;
const refusals: string[] = [];

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'app-protocol-'));
  rendererFolder = path.join(base, 'renderer');
  await mkdir(path.join(rendererFolder, 'assets'), { recursive: true });
  await writeFile(path.join(rendererFolder, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(path.join(rendererFolder, 'assets', 'index-1.js'), 'console.log(1)');
  await writeFile(path.join(rendererFolder, 'assets', 'data.bin'), 'raw');
  await writeFile(path.join(base, 'secret.txt'), 'outside');
  await symlink(path.join(base, 'secret.txt'), path.join(rendererFolder, 'assets', 'link.txt'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

function handler() {
  return createAppProtocolHandler({ rendererFolder, onRefused: ({ reason }) => refusals.push(reason) });
}

describe('createAppProtocolHandler', () => {
  it('serves the index page with the CSP header and nosniff', async () => {
    const response = await handler()({ url: 'app://console/', method: 'GET' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>x</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicyHeader());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('labels scripts as JavaScript and unknown files as octet-stream', async () => {
    const script = await handler()({ url: 'app://console/assets/index-1.js', method: 'GET' });
    const unknown = await handler()({ url: 'app://console/assets/data.bin', method: 'GET' });
    expect([script.headers.get('content-type'), unknown.headers.get('content-type')]).toEqual(['text/javascript; charset=utf-8', 'application/octet-stream']);
  });

  it.each([
    ['a traversal', 'app://console/%2e%2e/secret.txt'],
    ['a missing file', 'app://console/assets/missing.js'],
    ['a folder', 'app://console/assets'],
    ['a link leading outside the folder', 'app://console/assets/link.txt'],
    ['another host', 'app://other/index.html'],
  ])('answers 404 with no content for %s', async (_label, url) => {
    const response = await handler()({ url, method: 'GET' });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('tells why a request was refused', async () => {
    refusals.length = 0;
    await handler()({ url: 'app://console/assets/link.txt', method: 'GET' });
    expect(refusals).toEqual(['links outside the renderer folder']);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler()({ url: 'app://console/index.html', method: 'POST' });
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('answers HEAD with the size and no body', async () => {
    const response = await handler()({ url: 'app://console/assets/index-1.js', method: 'HEAD' });
    expect([response.status, response.headers.get('content-length'), await response.text()]).toEqual([200, '14', '']);
  });
});
