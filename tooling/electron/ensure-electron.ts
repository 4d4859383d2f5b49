import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findElectronBinary } from '../../e2e/electron/electron-binary.ts';
import { downloadElectron, electronMirror, mirrorHost, type DownloadResult } from './download-electron.ts';
import { checkElectronExecutable, checkLocalElectron, LOCAL_ELECTRON_VARIABLES, type UsableElectron } from './local-electron.ts';

/** Ten minutes: Electron's zip is about 100 MB; past that the link is not going to make it. */
export const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

/** No usable Electron: one line saying what failed and exactly what to do. */
export type ElectronUnavailable = { readonly ok: false; readonly message: string };

/** What {@link ensureElectron} works from; `download` is injectable so tests need no network. */
export type EnsureElectronOptions = {
  readonly repositoryRoot: string;
  readonly environment: Readonly<Record<string, string | undefined>>;
  /** The command the person ran (`npm start`), repeated in the advice. */
  readonly command: string;
  readonly download?: ((packageDirectory: string) => Promise<DownloadResult>) | undefined;
  readonly log?: ((line: string) => void) | undefined;
};

/**
 * The Electron version this project pins (package.json's devDependencies), e.g. `45.4.1`.
 *
 * The version the electron package downloads and the one to ask for when giving a local copy.
 */
export async function pinnedElectronVersion(repositoryRoot: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(repositoryRoot, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  const version = manifest.devDependencies?.electron;
  if (version === undefined) throw new Error('package.json pins no electron version');
  return version;
}

/** The release file that holds Electron for this machine: `electron-v45.4.1-linux-x64.zip`. */
export function electronZipName(version: string, platform: string = process.platform, arch: string = process.arch): string {
  return `electron-v${version}-${platform}-${arch}.zip`;
}

function useLocalAdvice(version: string, command: string): string {
  return `unzip ${electronZipName(version)} (https://github.com/electron/electron/releases/tag/v${version}) and run ELECTRON_OVERRIDE_DIST_PATH=<that folder> ${command} (ELECTRON_DIST=<that folder> works the same)`;
}

/**
 * The one-line message for "Electron could not be downloaded".
 *
 * Says what failed and why, which host must be reachable, and the exact variable to set for a
 * local Electron instead.
 */
export function downloadFailedMessage(version: string, host: string, reason: string, command: string): string {
  return `Electron ${version} is not installed and could not be downloaded from ${host} (${reason}). It needs network access to ${host} (or a mirror in ELECTRON_MIRROR), or a local Electron ${version}: ${useLocalAdvice(version, command)}.`;
}

async function fromVariables(options: EnsureElectronOptions, version: string): Promise<UsableElectron | ElectronUnavailable | undefined> {
  for (const variable of LOCAL_ELECTRON_VARIABLES) {
    const value = options.environment[variable];
    if (value === undefined || value === '') continue;
    const checked = await checkLocalElectron(variable, value);
    if (!checked.ok)
      return {
        ok: false,
        message: `${checked.problem}. Point it at the folder of an unzipped ${electronZipName(version)} (ELECTRON_EXEC_PATH: at the electron executable in it), or unset it to download Electron ${version}.`,
      };
    return checked;
  }
  return undefined;
}

async function fromPackage(repositoryRoot: string): Promise<UsableElectron | undefined> {
  const found = findElectronBinary({}, repositoryRoot);
  if (!found.found) return undefined;
  const checked = await checkElectronExecutable(found.executable, 'node_modules/electron');
  return checked.ok ? checked : undefined;
}

/**
 * Make sure an Electron binary can be started, downloading it where it can: the step before
 * `npm start` and `npm run dist`.
 *
 * electron 45 has no install script and electron-vite reads node_modules/electron/path.txt
 * itself, so on a fresh clone nothing would fetch the binary. In order: a local Electron named
 * by ELECTRON_EXEC_PATH, ELECTRON_DIST or ELECTRON_OVERRIDE_DIST_PATH (checked; a wrong one is
 * an error, never silently skipped), the electron package's downloaded binary, then the
 * package's own download. Failure is a value with one line to print, never a stack trace.
 */
export async function ensureElectron(options: EnsureElectronOptions): Promise<UsableElectron | ElectronUnavailable> {
  const log = options.log ?? (() => undefined);
  const version = await pinnedElectronVersion(options.repositoryRoot);
  const local = (await fromVariables(options, version)) ?? (await fromPackage(options.repositoryRoot));
  if (local !== undefined) {
    if (local.ok && local.version !== undefined && local.version !== version)
      log(`warning: ${local.directory} holds Electron ${local.version}; this project pins ${version}`);
    return local;
  }
  const host = mirrorHost(electronMirror(options.environment));
  const packageDirectory = join(options.repositoryRoot, 'node_modules', 'electron');
  log(`Electron ${version} is not downloaded yet: fetching it from ${host} (about 100 MB, once)…`);
  const download =
    options.download ??
    ((directory: string) => downloadElectron({ packageDirectory: directory, environment: options.environment, timeoutMs: DOWNLOAD_TIMEOUT_MS }));
  const result = await download(packageDirectory);
  if (!result.ok) return { ok: false, message: downloadFailedMessage(version, host, result.reason, options.command) };
  const downloaded = await fromPackage(options.repositoryRoot);
  if (downloaded !== undefined) return downloaded;
  return { ok: false, message: downloadFailedMessage(version, host, 'the download ended but node_modules/electron/dist holds no executable', options.command) };
}
