import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DownloadResult } from './download-electron.ts';
import { ensureElectron } from './ensure-electron.ts';
import { writeStandInElectron } from './stand-in-electron.ts';

describe.runIf(process.platform === 'linux')('ensureElectron', () => {
  let root = '';
  let downloads: string[] = [];
  const lines: string[] = [];
  const refuse =
    (reason: string) =>
    (packageDirectory: string): Promise<DownloadResult> => {
      downloads.push(packageDirectory);
      return Promise.resolve({ ok: false, reason });
    };
  const options = (environment: Record<string, string>, download = refuse('getaddrinfo ENOTFOUND github.com')) => ({
    repositoryRoot: root,
    environment,
    command: 'npm start',
    download,
    log: (line: string) => lines.push(line),
  });

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'ensure-electron-'));
    downloads = [];
    lines.length = 0;
    await writeFile(join(root, 'package.json'), JSON.stringify({ devDependencies: { electron: '45.4.1' } }));
    await mkdir(join(root, 'node_modules', 'electron'), { recursive: true });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('uses a local Electron named by ELECTRON_OVERRIDE_DIST_PATH without downloading', async () => {
    const folder = join(root, 'local');
    const executable = await writeStandInElectron(folder);
    expect(await ensureElectron(options({ ELECTRON_OVERRIDE_DIST_PATH: folder }))).toMatchObject({
      ok: true,
      executable,
      source: 'ELECTRON_OVERRIDE_DIST_PATH',
    });
    expect(downloads).toEqual([]);
  });

  it('stops on a wrong ELECTRON_DIST instead of quietly downloading', async () => {
    const result = await ensureElectron(options({ ELECTRON_DIST: join(root, 'nowhere') }));
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/^ELECTRON_DIST=.*nowhere is not a folder\. Point it at the folder of an unzipped electron-v45\.4\.1-linux-.*\.zip/),
    });
    expect(downloads).toEqual([]);
  });

  it('warns when the local Electron is another version', async () => {
    const folder = join(root, 'local');
    await writeStandInElectron(folder, '44.0.0');
    expect((await ensureElectron(options({ ELECTRON_DIST: folder }))).ok).toBe(true);
    expect(lines).toEqual([`warning: ${folder} holds Electron 44.0.0; this project pins 45.4.1`]);
  });

  it('uses the binary the electron package already downloaded', async () => {
    await writeFile(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    const executable = await writeStandInElectron(join(root, 'node_modules', 'electron', 'dist'));
    expect(await ensureElectron(options({}))).toMatchObject({ ok: true, executable, source: 'node_modules/electron' });
    expect(downloads).toEqual([]);
  });

  it('downloads when there is nothing, then uses what the download wrote', async () => {
    const download = async (packageDirectory: string): Promise<DownloadResult> => {
      downloads.push(packageDirectory);
      await writeStandInElectron(join(packageDirectory, 'dist'));
      await writeFile(join(packageDirectory, 'path.txt'), 'electron');
      return { ok: true };
    };
    expect(await ensureElectron(options({}, download))).toMatchObject({ ok: true, source: 'node_modules/electron' });
    expect(downloads).toEqual([join(root, 'node_modules', 'electron')]);
    expect(lines).toEqual(['Electron 45.4.1 is not downloaded yet: fetching it from github.com (about 100 MB, once)…']);
  });

  it('says in one line what failed and which variable to set when the download fails', async () => {
    const result = await ensureElectron(options({}));
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^Electron 45\.4\.1 is not installed and could not be downloaded from github\.com \(getaddrinfo ENOTFOUND github\.com\)\. /);
    expect(message).toContain('network access to github.com');
    expect(message).toContain('ELECTRON_OVERRIDE_DIST_PATH=<that folder> npm start');
    expect(message).toContain('ELECTRON_DIST=<that folder>');
  });

  it('names the mirror host when one is configured', async () => {
    const result = await ensureElectron(options({ ELECTRON_MIRROR: 'https://mirror.contoso.test/electron/' }));
    expect(result.ok ? '' : result.message).toContain('could not be downloaded from mirror.contoso.test');
  });
});
