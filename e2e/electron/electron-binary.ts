import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A real Electron distribution folder and the executable inside it. */
export type ElectronBinary = { readonly found: true; readonly directory: string; readonly executable: string; readonly source: string };

/** No usable Electron here, with every place that was looked at. */
export type NoElectronBinary = { readonly found: false; readonly looked: readonly string[] };

/** Marker file of the stand-in distribution tooling/package writes for packaging checks. */
export const PLACEHOLDER_MARKER = 'PLACEHOLDER-NOT-ELECTRON.txt';

/**
 * Where the executable sits inside an Electron distribution folder on this platform.
 *
 * The same names the electron package writes into its path.txt.
 */
export const ELECTRON_EXECUTABLE_NAMES: readonly string[] =
  process.platform === 'win32' ? ['electron.exe'] : process.platform === 'darwin' ? ['Electron.app/Contents/MacOS/Electron'] : ['electron'];

function inDirectory(directory: string, source: string): ElectronBinary | undefined {
  if (existsSync(join(directory, PLACEHOLDER_MARKER))) return undefined;
  for (const name of ELECTRON_EXECUTABLE_NAMES) {
    const executable = join(directory, name);
    if (existsSync(executable)) return { found: true, directory, executable, source };
  }
  return undefined;
}

/**
 * Find an Electron binary the way Playwright and electron-builder would, without downloading.
 *
 * In order: `ELECTRON_EXEC_PATH` (an executable; its folder is the distribution), `ELECTRON_DIST`
 * (a distribution folder, as for `-c.electronDist`), `ELECTRON_OVERRIDE_DIST_PATH` (the same,
 * under the name the electron package itself honours), then the electron package's own
 * `dist/` named by its `path.txt` (present only where its binary download ran). The stand-in
 * used for packaging checks never counts.
 */
export function findElectronBinary(environment: Readonly<Record<string, string | undefined>>, repositoryRoot: string): ElectronBinary | NoElectronBinary {
  const looked: string[] = [];
  const execPath = environment.ELECTRON_EXEC_PATH;
  if (execPath !== undefined && execPath !== '') {
    looked.push(`ELECTRON_EXEC_PATH=${execPath}`);
    if (existsSync(execPath) && !existsSync(join(dirname(execPath), PLACEHOLDER_MARKER)))
      return { found: true, directory: dirname(execPath), executable: execPath, source: 'ELECTRON_EXEC_PATH' };
  }
  const distribution = environment.ELECTRON_DIST;
  if (distribution !== undefined && distribution !== '') {
    looked.push(`ELECTRON_DIST=${distribution}`);
    const found = inDirectory(distribution, 'ELECTRON_DIST');
    if (found !== undefined) return found;
  }
  const override = environment.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    looked.push(`ELECTRON_OVERRIDE_DIST_PATH=${override}`);
    const found = inDirectory(override, 'ELECTRON_OVERRIDE_DIST_PATH');
    if (found !== undefined) return found;
  }
  const packageDirectory = join(repositoryRoot, 'node_modules', 'electron');
  const pathFile = join(packageDirectory, 'path.txt');
  looked.push(`${join('node_modules', 'electron', 'path.txt')} and dist/`);
  if (existsSync(pathFile)) {
    const executable = join(packageDirectory, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (existsSync(executable)) return { found: true, directory: join(packageDirectory, 'dist'), executable, source: 'node_modules/electron' };
  }
  return { found: false, looked };
}
