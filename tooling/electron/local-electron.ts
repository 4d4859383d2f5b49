import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ELECTRON_EXECUTABLE_NAMES, PLACEHOLDER_MARKER } from '../../e2e/electron/electron-binary.ts';

/** The variables that name a local Electron, in the order they are honoured. */
export const LOCAL_ELECTRON_VARIABLES = ['ELECTRON_EXEC_PATH', 'ELECTRON_DIST', 'ELECTRON_OVERRIDE_DIST_PATH'] as const;

/** One of {@link LOCAL_ELECTRON_VARIABLES}. */
export type LocalElectronVariable = (typeof LOCAL_ELECTRON_VARIABLES)[number];

/** An Electron executable that can be started, where it came from and what version it says it is. */
export type UsableElectron = {
  readonly ok: true;
  readonly executable: string;
  readonly directory: string;
  readonly source: string;
  /** The distribution's `version` file, when it has one. */
  readonly version: string | undefined;
};

/** Why a named Electron cannot be used, as a sentence for the person who named it. */
export type UnusableElectron = { readonly ok: false; readonly problem: string };

async function isExecutableFile(file: string): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile() !== true) return false;
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

async function versionIn(directory: string): Promise<string | undefined> {
  const text = await readFile(join(directory, 'version'), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : text.trim().replace(/^v/, '');
}

/**
 * Check an Electron executable at `executable` (named by `source`) that someone pointed at.
 *
 * It must be an executable file, and not the packaging stand-in (which refuses to run); its
 * folder is the distribution electron-builder would copy.
 */
export async function checkElectronExecutable(
  executable: string,
  source: string,
  named = `${source}=${executable}`,
): Promise<UsableElectron | UnusableElectron> {
  const directory = dirname(executable);
  if (!(await isExecutableFile(executable))) return { ok: false, problem: `${named} is not an executable file` };
  if ((await stat(join(directory, PLACEHOLDER_MARKER)).catch(() => undefined)) !== undefined) {
    return { ok: false, problem: `${named} is the packaging stand-in (${PLACEHOLDER_MARKER} next to it), not Electron` };
  }
  return { ok: true, executable, directory, source, version: await versionIn(directory) };
}

/**
 * Check an Electron distribution folder (an unzipped electron-v<version>-<platform>-<arch>.zip).
 *
 * The folder must hold the platform's executable (`electron`, `electron.exe`, or the macOS
 * app bundle's binary), executable, and must not be the packaging stand-in.
 */
export async function checkElectronFolder(directory: string, source: string): Promise<UsableElectron | UnusableElectron> {
  for (const name of ELECTRON_EXECUTABLE_NAMES) {
    const executable = join(directory, name);
    if ((await stat(executable).catch(() => undefined)) === undefined) continue;
    return checkElectronExecutable(executable, source, `${source}=${directory}: ${executable}`);
  }
  const folder = await stat(directory).catch(() => undefined);
  if (folder?.isDirectory() !== true) return { ok: false, problem: `${source}=${directory} is not a folder` };
  return { ok: false, problem: `${source}=${directory} has no ${ELECTRON_EXECUTABLE_NAMES.join(' or ')} in it` };
}

/**
 * Check the local Electron a variable names: an executable for ELECTRON_EXEC_PATH, a
 * distribution folder for the other two.
 */
export function checkLocalElectron(variable: LocalElectronVariable, value: string): Promise<UsableElectron | UnusableElectron> {
  return variable === 'ELECTRON_EXEC_PATH' ? checkElectronExecutable(value, variable) : checkElectronFolder(value, variable);
}
