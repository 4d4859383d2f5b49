import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary, PLACEHOLDER_MARKER } from './electron-binary.ts';

describe('findElectronBinary', () => {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'electron-binary-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reports every place it looked when there is no binary', () => {
    expect(findElectronBinary({}, root)).toEqual({ found: false, looked: [join('node_modules', 'electron', 'path.txt') + ' and dist/'] });
  });

  it('finds the binary the electron package downloaded', async () => {
    await mkdir(join(root, 'node_modules/electron/dist'), { recursive: true });
    await writeFile(join(root, 'node_modules/electron/path.txt'), 'electron');
    await writeFile(join(root, 'node_modules/electron/dist/electron'), '');
    expect(findElectronBinary({}, root)).toMatchObject({
      found: true,
      source: 'node_modules/electron',
      executable: join(root, 'node_modules/electron/dist/electron'),
    });
  });

  it('prefers ELECTRON_DIST, but never the packaging stand-in', async () => {
    const distribution = join(root, 'electron-v45.4.1-linux-x64');
    await mkdir(distribution);
    await writeFile(join(distribution, 'electron'), '');
    expect(findElectronBinary({ ELECTRON_DIST: distribution }, root)).toMatchObject({ found: true, source: 'ELECTRON_DIST', directory: distribution });
    await writeFile(join(distribution, PLACEHOLDER_MARKER), 'not electron');
    expect(findElectronBinary({ ELECTRON_DIST: distribution }, root).found).toBe(false);
  });

  it('takes the folder the electron package itself would use (ELECTRON_OVERRIDE_DIST_PATH)', async () => {
    const distribution = join(root, 'local-electron');
    await mkdir(distribution);
    await writeFile(join(distribution, 'electron'), '');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: distribution }, root)).toMatchObject({
      found: true,
      source: 'ELECTRON_OVERRIDE_DIST_PATH',
      directory: distribution,
    });
  });
});
