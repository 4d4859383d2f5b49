import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Replace `file` with `text` so a reader sees the old content or the new, never half of it.
 *
 * Writes a temporary file next to it (same folder, so the rename stays on one volume) and
 * renames it over the target; a crash mid-write leaves the old file intact. `mode` applies
 * from creation (the temporary file is never readable by others).
 */
export async function writeFileAtomically(file: string, text: string, mode = 0o600): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text, { encoding: 'utf8', mode, flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
