import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportFileChoice } from '../../contract/list-import.ts';
import type { AuthorizedEntry } from '../../contract/policy.ts';
import { listFileFormatOf, MAX_LIST_FILE_BYTES, parseListFile } from '../../core/authorization/list-file.ts';
import { BoundedReadError, readBoundedFile, type BoundedReadRefusal } from '../../core/files/read-bounded-file.ts';
import { consoleFailure } from './console-failure.ts';

/** How many chosen files main keeps; the oldest is forgotten first (Import… then asks again). */
const MAX_HELD_FILES = 8;
/** Reading a list from a stalled network share gives up after this. */
const READ_TIMEOUT_MS = 15_000;

const REFUSALS: Record<BoundedReadRefusal, string> = {
  unreadable: 'The file could not be read: it may have been moved, or this account may not read it.',
  'not-a-file': 'What was chosen is not a regular file (a folder, device or pipe).',
  'too-large': 'The file is larger than 16 MiB; a list of 10,000 entries is far smaller. Choose the exported list.',
  'timed-out': 'Reading the file took too long. Copy it to this computer and choose it again.',
};

/** A list file main read for one signed-in session, held by an opaque id. */
type HeldListFile = { readonly owner: object; readonly name: string; readonly entries: readonly AuthorizedEntry[] };

/**
 * The list files chosen with Import…, each read once, checked, and held under an id.
 *
 * The path comes only from main's picker and never leaves main; the renderer previews and
 * applies by id. A file is held for the session that chose it (`owner`): after a sign-out
 * or another sign-in its id is no longer honoured.
 */
export type ListFileRegistry = {
  /** Read, parse and hold the file at `path`; a file with issues is answered, not held. */
  read(path: string, owner: object): Promise<ImportFileChoice>;
  /** The entries of a held file; refuses an unknown id or another session's. */
  entries(fileId: string, owner: object): readonly AuthorizedEntry[];
  forget(fileId: string): void;
};

/** Create the registry the import handlers share. */
export function createListFileRegistry(): ListFileRegistry {
  const held = new Map<string, HeldListFile>();
  return {
    async read(path, owner) {
      const name = basename(path).slice(0, 255);
      const text = decodeText(await readOrRefuse(path));
      if (text === undefined)
        return {
          status: 'refused',
          name,
          issues: [{ kind: 'syntax', problem: 'The file is not UTF-8 text: save it as UTF-8 (CSV UTF-8 in Excel) and choose it again.' }],
          moreIssues: 0,
        };
      const format = listFileFormatOf(name, text);
      const parsed = parseListFile(text, format);
      if (!parsed.ok) return { status: 'refused', name, format, issues: parsed.issues, moreIssues: parsed.moreIssues };
      const fileId = randomUUID();
      held.set(fileId, { owner, name, entries: parsed.entries });
      while (held.size > MAX_HELD_FILES) held.delete(held.keys().next().value ?? '');
      return { status: 'read', fileId, name, format, entries: parsed.entries.length };
    },
    entries(fileId, owner) {
      const file = held.get(fileId);
      if (file?.owner !== owner)
        throw consoleFailure(
          'IMPORT_FILE_NOT_HELD',
          'Choose the file again',
          'The console no longer holds the file chosen for this import. Choose it again with Import….',
        );
      return file.entries;
    },
    forget(fileId) {
      held.delete(fileId);
    },
  };
}

async function readOrRefuse(path: string): Promise<Uint8Array> {
  try {
    return await readBoundedFile(path, { maxBytes: MAX_LIST_FILE_BYTES, timeoutMs: READ_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof BoundedReadError) throw consoleFailure('INVALID_LIST_FILE', 'The file cannot be imported', REFUSALS[error.reason]);
    throw error;
  }
}

function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
