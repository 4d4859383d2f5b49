import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseDistArguments } from './dist.ts';
import { builderArguments } from './run-builder.ts';

describe('npm run dist arguments', () => {
  it('passes a local Electron distribution and an output folder to electron-builder', () => {
    const options = parseDistArguments(['--dir', '--e2e', '--linux', 'deb']);
    expect({
      options,
      args: builderArguments({
        flavour: options.flavour,
        directoryOnly: options.directoryOnly,
        electronDist: '/opt/electron-v45.4.1-linux-x64',
        output: 'release/e2e',
        extraArguments: options.extra,
      }),
    }).toEqual({
      options: { directoryOnly: true, flavour: 'e2e', skipBuild: false, extra: ['--linux', 'deb'] },
      args: [
        '--config',
        'electron-builder.yml',
        '--dir',
        '-c.electronDist=/opt/electron-v45.4.1-linux-x64',
        '-c.directories.output=release/e2e',
        '--linux',
        'deb',
      ],
    });
  });

  it('builds release installers with a downloaded Electron by default', () => {
    const options = parseDistArguments([]);
    expect(builderArguments({ flavour: options.flavour, directoryOnly: options.directoryOnly })).toEqual(['--config', 'electron-builder.yml']);
  });
});

describe('app/package.json', () => {
  it('carries the root version and no dependencies (everything it needs is bundled)', async () => {
    const read = async (path: string) => JSON.parse(await readFile(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown>;
    const [app, root] = await Promise.all([read('../../app/package.json'), read('../../package.json')]);
    expect({ version: app.version, dependencies: app.dependencies, main: app.main }).toEqual({
      version: root.version,
      dependencies: undefined,
      main: 'dist/main/main.js',
    });
  });
});
