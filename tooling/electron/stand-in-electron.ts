import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The variable naming the file the stand-in writes its arguments to, one a line. */
export const STAND_IN_RECORD_VARIABLE = 'STAND_IN_ELECTRON_RECORD';

/**
 * Write a stand-in Electron distribution for tests: an executable `electron` shell script that
 * records the arguments it was started with and exits 0, and a `version` file.
 *
 * It shows that a launch step really started the Electron it was given, where the real binary
 * cannot be had (no network). Unlike tooling/package's placeholder it runs, and it is never
 * packaged.
 */
export async function writeStandInElectron(directory: string, version = '45.4.1'): Promise<string> {
  await mkdir(directory, { recursive: true });
  const executable = join(directory, 'electron');
  const script = [
    '#!/bin/sh',
    `if [ -n "$${STAND_IN_RECORD_VARIABLE}" ]; then printf '%s\\n' "$@" > "$${STAND_IN_RECORD_VARIABLE}"; fi`,
    'echo "stand-in electron: started with $*"',
    'exit 0',
    '',
  ];
  await writeFile(executable, script.join('\n'), { mode: 0o755 });
  await writeFile(join(directory, 'version'), `${version}\n`);
  return executable;
}
