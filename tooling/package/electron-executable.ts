import { join } from 'node:path';

/** The names electron-builder gives the packaged executable. */
export type ExecutableNames = {
  /** Linux file name (electron-builder's `executableName`, e.g. `rms-connector-admin`). */
  readonly linux: string;
  /** Windows and macOS name (the product's file name, e.g. `RMS Connector Admin`). */
  readonly product: string;
};

/**
 * Where electron-builder put the Electron executable inside an unpacked app folder.
 *
 * This is the file whose fuses are flipped; on macOS the fuses live in the framework inside the
 * bundle, which @electron/fuses finds from the `.app` path.
 */
export function packagedExecutablePath(platform: string, appOutDir: string, names: ExecutableNames): string {
  switch (platform) {
    case 'linux':
      return join(appOutDir, names.linux);
    case 'win32':
      return join(appOutDir, `${names.product}.exe`);
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${names.product}.app`);
    default:
      throw new Error(`no packaged executable layout known for platform "${platform}"`);
  }
}
