import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { BuildFlavour } from './fuse-configuration.ts';
import { FLAVOUR_VARIABLE } from './fuse-configuration.ts';

/** Repository root (this file is tooling/package/run-builder.ts). */
export const REPOSITORY_ROOT = join(import.meta.dirname, '..', '..');

/** How to call electron-builder. */
export type BuilderRun = {
  readonly flavour: BuildFlavour;
  /** Unpacked folder only (`--dir`), no installers. */
  readonly directoryOnly: boolean;
  /** A local Electron distribution (`-c.electronDist`); electron-builder downloads one otherwise. */
  readonly electronDist?: string | undefined;
  /** Output folder instead of electron-builder.yml's `release/`. */
  readonly output?: string | undefined;
  /** Anything else for electron-builder (`--linux deb`, `--win`…). */
  readonly extraArguments?: readonly string[];
};

/** The electron-builder command line for a run (pure, for tests and for printing). */
export function builderArguments(run: BuilderRun): string[] {
  const args = ['--config', 'electron-builder.yml'];
  if (run.directoryOnly) args.push('--dir');
  if (run.electronDist !== undefined) args.push(`-c.electronDist=${run.electronDist}`);
  if (run.output !== undefined) args.push(`-c.directories.output=${run.output}`);
  args.push(...(run.extraArguments ?? []));
  return args;
}

/** Run a command in the repository root, inheriting the terminal; rejects with its exit code. */
export function runCommand(command: string, args: readonly string[], environment: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPOSITORY_ROOT, stdio: 'inherit', env: environment });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${String(code)}`})`));
    });
  });
}

/** Build the app bundles (main, preload, renderer) into app/dist with the shell's `build:app`. */
export async function buildAppBundles(): Promise<void> {
  await runCommand('npm', ['run', '--silent', 'build:app']);
}

/** Run electron-builder with the flavour's fuses. */
export async function runBuilder(run: BuilderRun): Promise<void> {
  const executable = join(REPOSITORY_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
  await runCommand(executable, builderArguments(run), { ...process.env, [FLAVOUR_VARIABLE]: run.flavour });
}
