import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../e2e/electron/electron-binary.ts';
import { downloadElectron, electronMirror, firstErrorLine, mirrorHost } from './download-electron.ts';
import { unreachableMirror } from './unreachable-mirror.ts';

const REPOSITORY_ROOT = join(import.meta.dirname, '..', '..');

describe('the download host and the reason', () => {
  it('reads the mirror the way @electron/get does, GitHub otherwise', () => {
    expect(mirrorHost(electronMirror({}))).toBe('github.com');
    expect(electronMirror({ ELECTRON_MIRROR: 'https://m.contoso.test/' })).toBe('https://m.contoso.test/');
    expect(electronMirror({ ELECTRON_MIRROR: 'https://a.test/', npm_config_electron_mirror: 'https://b.test/' })).toBe('https://b.test/');
  });

  it('keeps the first line of an error that is not a stack frame', () => {
    expect(firstErrorLine('\nTypeError: fetch failed\n    at node:internal/deps/undici\n')).toBe('TypeError: fetch failed');
    expect(firstErrorLine('')).toBeUndefined();
  });
});

describe('downloadElectron', () => {
  let work = '';
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'download-electron-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  // Where the electron package's binary is already here, install.js has nothing to do.
  it.skipIf(findElectronBinary({}, REPOSITORY_ROOT).found)("runs electron's own install.js and gives the cause when the host cannot be reached", async () => {
    const mirror = await unreachableMirror();
    const environment = { PATH: process.env.PATH, ELECTRON_MIRROR: mirror.url, electron_config_cache: join(work, 'cache') };
    const result = await downloadElectron({ packageDirectory: join(REPOSITORY_ROOT, 'node_modules', 'electron'), environment, timeoutMs: 60_000 });
    expect(result).toEqual({ ok: false, reason: `connect ECONNREFUSED 127.0.0.1:${String(mirror.port)}` });
  });

  it('stops a download that takes longer than its time limit', async () => {
    const slowPackage = join(work, 'slow-electron');
    await mkdir(slowPackage, { recursive: true });
    await writeFile(join(slowPackage, 'install.js'), 'setTimeout(() => undefined, 60_000);\n');
    const result = await downloadElectron({ packageDirectory: slowPackage, environment: { PATH: process.env.PATH }, timeoutMs: 300 });
    expect(result).toEqual({ ok: false, reason: 'the download did not finish within 300 ms' });
  });
});
