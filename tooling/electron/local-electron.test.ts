import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLACEHOLDER_MARKER } from '../../e2e/electron/electron-binary.ts';
import { checkLocalElectron } from './local-electron.ts';
import { writeStandInElectron } from './stand-in-electron.ts';

describe.runIf(process.platform === 'linux')('checkLocalElectron', () => {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'local-electron-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('accepts a distribution folder with an executable electron, and reads its version', async () => {
    const folder = join(root, 'electron-v45.4.1-linux-x64');
    const executable = await writeStandInElectron(folder);
    expect(await checkLocalElectron('ELECTRON_OVERRIDE_DIST_PATH', folder)).toEqual({
      ok: true,
      executable,
      directory: folder,
      source: 'ELECTRON_OVERRIDE_DIST_PATH',
      version: '45.4.1',
    });
    expect(await checkLocalElectron('ELECTRON_EXEC_PATH', executable)).toMatchObject({ ok: true, directory: folder, source: 'ELECTRON_EXEC_PATH' });
  });

  it('says what is wrong with a folder that is missing, empty, not executable or the packaging stand-in', async () => {
    expect(await checkLocalElectron('ELECTRON_DIST', join(root, 'missing'))).toEqual({
      ok: false,
      problem: `ELECTRON_DIST=${join(root, 'missing')} is not a folder`,
    });
    expect(await checkLocalElectron('ELECTRON_DIST', root)).toEqual({ ok: false, problem: `ELECTRON_DIST=${root} has no electron in it` });

    const executable = await writeStandInElectron(join(root, 'dist'));
    await chmod(executable, 0o644);
    expect(await checkLocalElectron('ELECTRON_DIST', join(root, 'dist'))).toEqual({
      ok: false,
      problem: `ELECTRON_DIST=${join(root, 'dist')}: ${executable} is not an executable file`,
    });
    await chmod(executable, 0o755);
    await writeFile(join(root, 'dist', PLACEHOLDER_MARKER), 'not electron');
    expect(await checkLocalElectron('ELECTRON_DIST', join(root, 'dist'))).toMatchObject({ ok: false, problem: expect.stringContaining('packaging stand-in') });
  });

  it('refuses a folder given as ELECTRON_EXEC_PATH', async () => {
    await mkdir(join(root, 'folder'));
    expect(await checkLocalElectron('ELECTRON_EXEC_PATH', join(root, 'folder'))).toEqual({
      ok: false,
      problem: `ELECTRON_EXEC_PATH=${join(root, 'folder')} is not an executable file`,
    });
  });
});
