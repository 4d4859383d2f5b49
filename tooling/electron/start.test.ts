import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../e2e/electron/electron-binary.ts';
import { launchArguments } from './start.ts';
import { STAND_IN_RECORD_VARIABLE, writeStandInElectron } from './stand-in-electron.ts';
import { unreachableMirror } from './unreachable-mirror.ts';

const REPOSITORY_ROOT = join(import.meta.dirname, '..', '..');
const START = join(import.meta.dirname, 'start.ts');

type Run = { code: number | null; stdout: string; stderr: string };

/** This environment without any Electron setting of the developer's, plus `extra`. */
function environmentWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(ELECTRON_|npm_config_electron_|electron_config_)/i.test(name)));
  return { ...environment, ...extra };
}

function runStart(args: readonly string[], environment: NodeJS.ProcessEnv): Promise<Run> {
  const child = spawn(process.execPath, [START, ...args], { cwd: REPOSITORY_ROOT, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.once('close', (code) => {
      resolve({ code, stdout, stderr });
    }),
  );
}

describe('launchArguments', () => {
  it('is electron-vite preview of the app folder, with what came after `npm start --`', () => {
    expect(launchArguments('/repo', ['--noSandbox'])).toEqual([
      '/repo/node_modules/electron-vite/bin/electron-vite.js',
      'preview',
      '--entry',
      'app',
      '--noSandbox',
    ]);
  });
});

describe.runIf(process.platform === 'linux')('npm start (tooling/electron/start.ts)', () => {
  let work = '';
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'start-'));
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('starts the local Electron named by ELECTRON_OVERRIDE_DIST_PATH through electron-vite', async () => {
    const folder = join(work, 'electron-v45.4.1-linux-x64');
    await writeStandInElectron(folder);
    const record = join(work, 'started-with.txt');
    const run = await runStart(['--skipBuild'], environmentWith({ ELECTRON_OVERRIDE_DIST_PATH: folder, [STAND_IN_RECORD_VARIABLE]: record }));
    expect(run.stderr).toContain(`start: Electron 45.4.1 from ${folder} (ELECTRON_OVERRIDE_DIST_PATH)`);
    expect(run.code).toBe(0);
    expect(await readFile(record, 'utf8')).toBe('app\n');
    expect(run.stdout).toContain('stand-in electron: started with app');
  }, 60_000);

  it('stops with one line and no stack trace when a named Electron is not there', async () => {
    const run = await runStart([], environmentWith({ ELECTRON_DIST: join(work, 'nowhere') }));
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^start: ELECTRON_DIST=.*nowhere is not a folder\. /)]);
  }, 60_000);

  // The no-network path for real: electron's own download against a host that refuses at once.
  it.skipIf(findElectronBinary({}, REPOSITORY_ROOT).found)(
    'stops with one line saying how to give a local Electron when the download fails',
    async () => {
      const mirror = await unreachableMirror();
      const host = `127.0.0.1:${String(mirror.port)}`;
      const run = await runStart([], environmentWith({ ELECTRON_MIRROR: mirror.url, electron_config_cache: join(work, 'cache') }));
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        `start: Electron 45.4.1 is not downloaded yet: fetching it from ${host} (about 100 MB, once)…`,
        `start: Electron 45.4.1 is not installed and could not be downloaded from ${host} (connect ECONNREFUSED ${host}). It needs network access to ${host} (or a mirror in ELECTRON_MIRROR), or a local Electron 45.4.1: unzip electron-v45.4.1-linux-${process.arch}.zip (https://github.com/electron/electron/releases/tag/v45.4.1) and run ELECTRON_OVERRIDE_DIST_PATH=<that folder> npm start (ELECTRON_DIST=<that folder> works the same).`,
      ]);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    },
    60_000,
  );
});
