import { spawnSync } from 'node:child_process';

/** What one run of the command line printed, and how it ended. */
export type TerminalRun = { readonly status: number | null; readonly stdout: string; readonly stderr: string };

const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

/**
 * Run the real command line with stdout and stderr on pipes (as in `| less` or a script).
 */
export function runInPipe(args: readonly string[], env: NodeJS.ProcessEnv = {}): TerminalRun {
  const run = spawnSync(process.execPath, ['bin/rms-connector-admin.js', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Run the real command line in a pseudo-terminal (util-linux `script`), as an admin types it.
 *
 * stdout and stderr both go to the terminal, so both arrive in `stdout` (with CRLF line ends,
 * turned back into LF here); `columns` sets the terminal's width.
 */
export function runInTerminal(args: readonly string[], env: NodeJS.ProcessEnv = {}, columns = 100): TerminalRun {
  const command = `stty cols ${String(columns)} rows 50; exec ${[process.execPath, 'bin/rms-connector-admin.js', ...args].map(quote).join(' ')}`;
  const run = spawnSync('script', ['-qec', command, '/dev/null'], {
    env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: run.status, stdout: run.stdout.replaceAll('\r\n', '\n'), stderr: run.stderr };
}
