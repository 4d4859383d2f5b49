import { readFileSync, statSync } from 'node:fs';
import { WindowStateSchema, type WindowState } from '../window-placement.ts';
import { writeFileAtomically } from './atomic-file.ts';

/** The file is under a hundred bytes; anything much larger is not ours. */
const MAX_WINDOW_STATE_BYTES = 4096;

/** Read and write the window's remembered size, position and maximized state. */
export type WindowStateFile = {
  /** The remembered state, or nothing (no file, unreadable, not JSON, not our shape). */
  load(): WindowState | undefined;
  save(state: WindowState): Promise<void>;
};

/**
 * Keep the window's state in `file` (JSON, in the user-data folder), written atomically.
 *
 * Reading is synchronous because the window is created right after, and never fails the app:
 * a bad file only means the default size. Nothing in it is secret, but it stays readable by the
 * user only like the other settings files.
 */
export function createWindowStateFile(file: string): WindowStateFile {
  return {
    load() {
      try {
        if (statSync(file).size > MAX_WINDOW_STATE_BYTES) return undefined;
        const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    save(state) {
      return writeFileAtomically(file, `${JSON.stringify(WindowStateSchema.parse(state))}\n`, 0o600);
    },
  };
}
