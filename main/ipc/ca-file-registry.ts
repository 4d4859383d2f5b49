import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ChosenCaFile } from '../../contract/ca-file.ts';
import { CA_FILE_REFUSED_MESSAGE, CaFileError, readCaFile, type CaFile } from '../../core/tls/read-ca-file.ts';
import { consoleFailure, type ConsoleFailure } from './console-failure.ts';

/** How many CA files main keeps ids for; the oldest is forgotten first (the form then asks again). */
const MAX_HELD_FILES = 32;

/**
 * The CA files main holds for the renderer, each under an opaque id.
 *
 * A path enters only from main's side: the file picker (`choose`) or the remembered profile
 * (`hold`). The renderer sends an id back; main reads the file again when it is used, with
 * the one safe reader, so a file replaced since is checked again.
 */
export type CaFileRegistry = {
  /** Read and check a file the picker answered, and hold it; refuses with {@link caFileRefused}. */
  choose(path: string): Promise<ChosenCaFile>;
  /** Hold a file main remembered, without reading it yet (the same path keeps its id). */
  hold(path: string): ChosenCaFile;
  /** The PEM of a held file, read now; refuses an unknown id or a file that can no longer be used. */
  pem(id: string, signal?: AbortSignal): Promise<string>;
  /** The path behind an id, for remembering it in main's own profile. */
  pathOf(id: string): string | undefined;
};

/** Reads a CA file: the one safe reader, replaced in tests only to count reads. */
export type CaFileReader = (path: string, options: { signal?: AbortSignal | undefined }) => Promise<CaFile>;

/** What a registry may be built with: tests replace the reader, or fix the ids to send in requests. */
export type CaFileRegistryOptions = { readonly read?: CaFileReader; readonly newId?: () => string };

/**
 * Create the registry the dispatcher shares between defaults, sign-in, health and the picker.
 */
export function createCaFileRegistry(options: CaFileRegistryOptions = {}): CaFileRegistry {
  const read = options.read ?? readCaFile;
  const newId = options.newId ?? randomUUID;
  const held = new Map<string, { readonly path: string; readonly file: ChosenCaFile }>();
  const keep = (path: string, file: ChosenCaFile): ChosenCaFile => {
    for (const [id, entry] of held) if (entry.path === path) held.delete(id);
    held.set(file.id, { path, file });
    while (held.size > MAX_HELD_FILES) held.delete(held.keys().next().value ?? '');
    return file;
  };
  const readOrRefuse = async (path: string, signal?: AbortSignal): Promise<CaFile> => {
    try {
      return await read(path, { signal });
    } catch (error) {
      if (error instanceof CaFileError) throw caFileRefused();
      throw error;
    }
  };
  return {
    async choose(path) {
      const { certificates } = await readOrRefuse(path);
      const first = certificates[0];
      return keep(path, { id: newId(), name: basename(path), ...(first === undefined ? {} : { subject: first.subject, expiresAt: first.expiresAt }) });
    },
    hold(path) {
      for (const entry of held.values()) if (entry.path === path) return entry.file;
      return keep(path, { id: newId(), name: basename(path) });
    },
    async pem(id, signal) {
      const entry = held.get(id);
      if (entry === undefined)
        throw consoleFailure(
          'CA_FILE_NOT_HELD',
          'Choose the CA file again',
          'The console no longer holds the CA file chosen for this form. Choose it again with Choose…, or clear it.',
        );
      return (await readOrRefuse(entry.path, signal)).pem;
    },
    pathOf: (id) => held.get(id)?.path,
  };
}

/**
 * The one answer for a CA file main cannot use, whatever the reason.
 *
 * Missing, unreadable, a device, too big or no certificate all read the same, so the
 * renderer learns nothing about the file system from it.
 */
export function caFileRefused(): ConsoleFailure {
  return consoleFailure('INVALID_CA_FILE', 'The CA file cannot be used', CA_FILE_REFUSED_MESSAGE);
}
