import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Where @electron/get downloads Electron releases from unless a mirror is configured. */
export const DEFAULT_ELECTRON_MIRROR = 'https://github.com/electron/electron/releases/download/';

/** What {@link downloadElectron} needs: the electron package, the environment and a time limit. */
export type DownloadOptions = {
  /** The installed electron package (node_modules/electron), whose install.js downloads. */
  readonly packageDirectory: string;
  readonly environment: Readonly<Record<string, string | undefined>>;
  /** Give up (and stop the download) after this long. */
  readonly timeoutMs: number;
};

/** The download's outcome; `reason` is one short line (never a stack trace). */
export type DownloadResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * The mirror @electron/get will use, read from the same variables it reads.
 *
 * Named in the failure message so the person knows which host must be reachable.
 */
export function electronMirror(environment: Readonly<Record<string, string | undefined>>): string {
  const candidates = [
    environment.npm_config_electron_mirror,
    environment.NPM_CONFIG_ELECTRON_MIRROR,
    environment.npm_package_config_electron_mirror,
    environment.ELECTRON_MIRROR,
  ];
  return candidates.find((value) => value !== undefined && value !== '') ?? DEFAULT_ELECTRON_MIRROR;
}

/** The host part of the mirror (`github.com`), or the mirror itself when it is not a URL. */
export function mirrorHost(mirror: string): string {
  return URL.canParse(mirror) ? new URL(mirror).host : mirror;
}

function durationText(milliseconds: number): string {
  return milliseconds < 1000 ? `${String(milliseconds)} ms` : `${String(Math.round(milliseconds / 1000))} s`;
}

/** The first line of install.js's error output that says something (not a stack frame). */
export function firstErrorLine(output: string): string | undefined {
  return output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('at '));
}

/**
 * Why the mirror cannot be reached (`getaddrinfo ENOTFOUND github.com`), or undefined when it
 * answers.
 *
 * install.js prints only "TypeError: fetch failed"; this one request finds the cause.
 */
export async function unreachableBecause(mirror: string, timeoutMs = 5000): Promise<string | undefined> {
  try {
    await fetch(mirror, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return undefined;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    if (cause instanceof Error && cause.name === 'TimeoutError') return `no answer within ${durationText(timeoutMs)}`;
    return cause instanceof Error ? cause.message : String(cause);
  }
}

/**
 * Run the electron package's own download (`node node_modules/electron/install.js`), bounded
 * in time.
 *
 * It writes node_modules/electron/dist and path.txt, which is what electron-vite and
 * `require('electron')` read. Its output goes to the terminal; its error output is kept to
 * give one reason instead of a stack trace. ELECTRON_OVERRIDE_DIST_PATH is not passed on: the
 * download is only tried when no local Electron was named.
 */
export function downloadElectron(options: DownloadOptions): Promise<DownloadResult> {
  const environment: Record<string, string | undefined> = { ...options.environment };
  delete environment.ELECTRON_OVERRIDE_DIST_PATH;
  const child = spawn(process.execPath, [join(options.packageDirectory, 'install.js')], {
    cwd: options.packageDirectory,
    env: environment,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let errors = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (errors.length < 65_536) errors += chunk;
  });
  return new Promise((resolve) => {
    let timedOut = false;
    let settled = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, options.timeoutMs);
    const finish = async (code: number | null, failure?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (code === 0 && failure === undefined) {
        resolve({ ok: true });
        return;
      }
      if (timedOut) {
        resolve({ ok: false, reason: `the download did not finish within ${durationText(options.timeoutMs)}` });
        return;
      }
      const cause = await unreachableBecause(electronMirror(options.environment));
      resolve({ ok: false, reason: cause ?? failure?.message ?? firstErrorLine(errors) ?? `install.js ended with exit code ${String(code)}` });
    };
    child.once('error', (error) => void finish(null, error));
    child.once('close', (code) => void finish(code));
  });
}
