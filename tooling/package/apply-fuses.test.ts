import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyFuses, readFuses } from './apply-fuses.ts';
import { describeFuses, fuseConfiguration } from './fuse-configuration.ts';
import { packagedExecutablePath } from './electron-executable.ts';
import { writePlaceholderElectron } from './placeholder-electron.ts';

describe('applyFuses', () => {
  let directory = '';
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'fuses-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('flips the release fuses in an executable that starts at Electron defaults', async () => {
    const executable = await writePlaceholderElectron(directory);
    const before = await readFuses(executable);
    expect({ runAsNode: before.RunAsNode, inspect: before.EnableNodeCliInspectArguments }).toEqual({ runAsNode: true, inspect: true });
    expect(await applyFuses(executable, 'release')).toEqual(describeFuses(fuseConfiguration('release')));
    expect(await readFuses(executable)).toEqual(describeFuses(fuseConfiguration('release')));
  });

  it('leaves --inspect on in the e2e flavour', async () => {
    const executable = await writePlaceholderElectron(directory);
    expect((await applyFuses(executable, 'e2e')).EnableNodeCliInspectArguments).toBe(true);
  });

  it('fails when the file is not an Electron executable', async () => {
    await expect(applyFuses(join(import.meta.dirname, 'apply-fuses.ts'), 'release')).rejects.toThrow(/sentinel/);
  });
});

describe('packagedExecutablePath', () => {
  const names = { linux: 'rms-connector-admin', product: 'RMS Connector Admin' };
  it.each([
    ['linux', '/out/linux-unpacked/rms-connector-admin'],
    ['win32', '/out/linux-unpacked/RMS Connector Admin.exe'],
    ['darwin', '/out/linux-unpacked/RMS Connector Admin.app'],
  ])('finds the executable on %s', (platform, expected) => {
    expect(packagedExecutablePath(platform, '/out/linux-unpacked', names)).toBe(expected);
  });

  it('refuses a platform it does not know', () => {
    expect(() => packagedExecutablePath('aix', '/out', names)).toThrow('platform "aix"');
  });
});
