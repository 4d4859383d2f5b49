import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileOfRequest, serveStaticSite, type StaticSite } from './static-site.ts';

/** A raw GET that sends the path exactly as given (fetch would normalize `..` away). */
function rawGet(site: StaticSite, rawPath: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string }> {
  const url = new URL(site.url);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: url.hostname, port: url.port, path: rawPath, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], body });
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('static-site', () => {
  let root: string;
  let outside: string;
  let site: StaticSite;

  beforeAll(async () => {
    outside = await mkdtemp(path.join(tmpdir(), 'rmsadmin-static-'));
    root = path.join(outside, 'site');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'export {};');
    await writeFile(path.join(root, 'assets', 'app.css'), 'body{}');
    await writeFile(path.join(outside, 'secret.txt'), 'secret');
    site = await serveStaticSite(root);
  });

  afterAll(async () => {
    await site.close();
    await rm(outside, { recursive: true, force: true });
  });

  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
  ])('serves %s as %s', async (requestPath, type) => {
    const response = await rawGet(site, requestPath);
    expect({ status: response.status, type: response.type }).toEqual({ status: 200, type });
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    '/..%5csecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s without leaving the folder', async (requestPath) => {
    const response = await rawGet(site, requestPath);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('secret');
  });

  it('lists no directory', async () => {
    expect((await rawGet(site, '/assets/')).status).toBe(404);
    expect((await rawGet(site, '/assets')).status).toBe(404);
  });

  it('answers only GET and HEAD', async () => {
    expect((await rawGet(site, '/index.html', 'POST')).status).toBe(405);
    expect((await rawGet(site, '/index.html', 'HEAD')).status).toBe(200);
  });

  it('maps request paths inside the root only', () => {
    const mapped = ['/a/b.js', '/../x', '/a/%2e%2e/%2e%2e/x', '/a/..%2F..%2Fx', '/%2e%2e%2fx'].map((requestPath) => fileOfRequest('/srv/site', requestPath));
    // Dot segments are resolved by URL parsing first (staying inside); encoded slashes decode later and are refused.
    expect(mapped).toEqual(['/srv/site/a/b.js', '/srv/site/x', '/srv/site/x', undefined, undefined]);
  });
});
