import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { redactLogLine } from './log-redaction.ts';

/** Options of {@link createRotatingLog}. */
export type RotatingLogOptions = {
  /** `<userData>/logs`; created (0700) if missing. */
  readonly folder: string;
  /** File name without extension; `console` gives console.log, console.1.log, … */
  readonly baseName?: string;
  /** Size at which the current file is rotated. */
  readonly maxBytes?: number;
  /** Files kept in all, the current one included. */
  readonly keep?: number;
  readonly now?: () => Date;
};

/** A log that writes one redacted JSON line per event. */
export type RotatingLog = {
  /** The file being written. */
  readonly file: string;
  write(line: Record<string, unknown>): void;
};

const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_KEEP = 5;

/**
 * A size-bounded log in `folder`: JSON lines, rotated to `.1`, `.2`, … and at most `keep` files.
 *
 * Every line goes through {@link redactLogLine} first, so nothing that looks like a secret
 * reaches the disk, and gets a `time` (ISO 8601). Writes are synchronous appends: lines stay
 * in order and are on disk if the process then crashes; they are small and rare (one per
 * IPC call). Files are created readable by the user alone (0600). A failing disk never
 * takes the console down: the line is dropped.
 */
export function createRotatingLog(options: RotatingLogOptions): RotatingLog {
  const baseName = options.baseName ?? 'console';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const keep = Math.max(1, options.keep ?? DEFAULT_KEEP);
  const now = options.now ?? (() => new Date());
  const fileOf = (index: number): string => path.join(options.folder, index === 0 ? `${baseName}.log` : `${baseName}.${String(index)}.log`);
  const file = fileOf(0);
  try {
    mkdirSync(options.folder, { recursive: true, mode: 0o700 });
  } catch {
    // An unwritable user-data folder must not stop the console from starting: every write
    // below then fails quietly and the lines are lost, as when the disk fills up later.
  }
  let size = Math.max(0, sizeOf(file));

  function rotate(): void {
    rmSync(fileOf(keep - 1), { force: true });
    for (let index = keep - 2; index >= 0; index -= 1) {
      if (sizeOf(fileOf(index)) >= 0) renameSync(fileOf(index), fileOf(index + 1));
    }
    size = 0;
  }

  return {
    file,
    write(line) {
      try {
        const time = now().toISOString();
        // `time` first in the line and always ours, even if the event carries its own.
        const text = `${JSON.stringify(Object.assign({ time }, redactLogLine(line), { time }))}\n`;
        const bytes = Buffer.byteLength(text);
        if (size > 0 && size + bytes > maxBytes) rotate();
        appendFileSync(file, text, { mode: 0o600 });
        size += bytes;
      } catch {
        // Logging must never break the console; the line is lost.
      }
    },
  };
}

/** The file's size, or -1 when it does not exist. */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
}
