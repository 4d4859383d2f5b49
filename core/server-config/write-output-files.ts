import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputFile } from './output-files.ts';

/**
 * Why the generated files were not written; each caller (CLI, console) words it for its own
 * users, so this carries facts, not advice.
 */
export class OutputWriteError extends Error {
  readonly code: 'NOT_A_FOLDER' | 'OUTPUT_EXISTS' | 'WRITE_FAILED';
  /** For `OUTPUT_EXISTS`: the file names already in the folder. */
  readonly existing: readonly string[];

  constructor(code: OutputWriteError['code'], message: string, existing: readonly string[] = []) {
    super(message);
    this.name = 'OutputWriteError';
    this.code = code;
    this.existing = existing;
  }
}

/** How {@link writeOutputFiles} treats the folder. */
export type WriteOutputOptions = {
  /** Replace files of the same names; otherwise any of them present refuses the whole write. */
  readonly replace: boolean;
  /** Create the folder when it is missing (the CLI's `--out`); the console's picked folder exists. */
  readonly createFolder: boolean;
};

/**
 * Write every file or none: refuse existing files unless `replace`, write each to a
 * temporary name beside its target, and rename only once all are written.
 *
 * Temporary files are opened exclusively (`wx`), so a planted symbolic link is never followed;
 * a failure removes the temporary files and leaves the folder as it was.
 */
export function writeOutputFiles(outDir: string, files: readonly OutputFile[], options: WriteOutputOptions): void {
  if (existsSync(outDir) ? !lstatSync(outDir).isDirectory() : !options.createFolder) throw new OutputWriteError('NOT_A_FOLDER', `${outDir} is not a folder.`);
  const existing = files.filter((file) => existsSync(path.join(outDir, file.name))).map((file) => file.name);
  if (existing.length > 0 && !options.replace) throw new OutputWriteError('OUTPUT_EXISTS', `${outDir} already holds ${existing.join(', ')}.`, existing);
  const suffix = `.${String(process.pid)}.${randomBytes(4).toString('hex')}.tmp`;
  const written: string[] = [];
  try {
    mkdirSync(outDir, { recursive: true });
    for (const file of files) {
      const temporary = path.join(outDir, `.${file.name}${suffix}`);
      writeFileSync(temporary, file.bytes, { flag: 'wx', mode: 0o644 });
      written.push(temporary);
    }
    files.forEach((file, index) => {
      renameSync(written[index] ?? '', path.join(outDir, file.name));
    });
  } catch (error) {
    for (const temporary of written) rmSync(temporary, { force: true });
    throw new OutputWriteError('WRITE_FAILED', error instanceof Error ? error.message : String(error));
  }
}
