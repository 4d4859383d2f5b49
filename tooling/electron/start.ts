import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureElectron } from './ensure-electron.ts';

const REPOSITORY_ROOT = join(import.meta.dirname, '..', '..');

/**
 * The electron-vite command `npm start` runs once Electron is there: build main, preload and
 * renderer, then open the app (`electron-vite preview --entry app`), with anything given after
 * `npm start --` appended (`--skipBuild`, `--noSandbox`…).
 *
 * Run through this Node, so the Node 24 that scripts/start.sh put first is the one used.
 */
export function launchArguments(repositoryRoot: string, extra: readonly string[]): string[] {
  return [join(repositoryRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'preview', '--entry', 'app', ...extra];
}

/**
 * CLI behind `npm start` (after scripts/start.sh has Node 24 and the dependencies): get
 * Electron, then build and open the console.
 *
 * The Electron found or downloaded goes to electron-vite as ELECTRON_EXEC_PATH, so it never
 * needs node_modules/electron/path.txt (it throws "Electron uninstall" without it). Where there
 * is none it prints one line saying what to do and exits 1.
 */
async function main(): Promise<number> {
  const electron = await ensureElectron({
    repositoryRoot: REPOSITORY_ROOT,
    environment: process.env,
    command: 'npm start',
    log: (line) => {
      process.stderr.write(`start: ${line}\n`);
    },
  });
  if (!electron.ok) {
    process.stderr.write(`start: ${electron.message}\n`);
    return 1;
  }
  process.stderr.write(`start: Electron ${electron.version ?? '(version not stated)'} from ${electron.directory} (${electron.source})\n`);
  const child = spawn(process.execPath, launchArguments(REPOSITORY_ROOT, process.argv.slice(2)), {
    cwd: REPOSITORY_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_EXEC_PATH: electron.executable },
  });
  // Ctrl+C reaches electron-vite and Electron too (same process group): wait for them to end.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => {
    child.kill('SIGTERM');
  });
  return new Promise((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`start: could not run electron-vite: ${error.message}\n`);
      resolve(1);
    });
    child.once('close', (code, signal) => {
      resolve(code ?? (signal === null ? 0 : 1));
    });
  });
}

if (import.meta.main) {
  try {
    process.exitCode = await main();
  } catch (error) {
    process.stderr.write(`start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
