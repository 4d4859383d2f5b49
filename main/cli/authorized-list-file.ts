import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { refuseHiddenCharacters } from '../../contract/hidden-characters.ts';
import { AuthorizedEntrySchema, type AuthorizedEntry } from '../../contract/policy.ts';
import { CliError } from './cli-error.ts';

/** The most entries a list may hold (the service's limit). */
const MAX_ENTRIES = 10_000;
/** Far above 10,000 entries of JSON; a larger file is refused before it is read into memory. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
// A name in a file is typed by someone too: the service would refuse it, so say so before any work.
const ListFileSchema = z.array(AuthorizedEntrySchema.extend({ name: AuthorizedEntrySchema.shape.name.superRefine(refuseHiddenCharacters()) })).max(MAX_ENTRIES);
const EXAMPLE = '[{"sid": "S-1-5-21-…", "name": "CORP\\\\Exchange Servers", "role": "exchange"}]';

/**
 * Read and validate a `--list FILE` (the JSON the connector service exports).
 *
 * The whole file is checked before any directory work, so a bad file costs no connection and
 * produces no partial output; every refusal says which entry is wrong and what is expected.
 */
export async function readAuthorizedList(file: string): Promise<AuthorizedEntry[]> {
  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliError('INVALID_INPUT', `The list file "${file}" is not a file. Give the path of the JSON file the list was exported to.`);
    if (info.size > MAX_FILE_BYTES)
      throw new CliError(
        'INVALID_INPUT',
        `The list file "${file}" is ${info.size.toLocaleString('en-US')} bytes; a list of ${MAX_ENTRIES.toLocaleString('en-US')} entries is far smaller. Check that this is the exported list.`,
      );
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    const reason = error instanceof Error && 'code' in error ? String(error.code) : error instanceof Error ? error.message : String(error);
    throw new CliError('INVALID_INPUT', `The list file "${file}" cannot be read (${reason}). Check the path and that you may read the file.`);
  }
  return parseAuthorizedList(text, file);
}

/**
 * Parse the text of a list file; see {@link readAuthorizedList}.
 *
 * A byte-order mark is allowed because Windows PowerShell writes one by default.
 */
export function parseAuthorizedList(text: string, file: string): AuthorizedEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(
      'INVALID_INPUT',
      `The list file "${file}" is not valid JSON (${error instanceof Error ? error.message : String(error)}). It must be a JSON array such as ${EXAMPLE}.`,
    );
  }
  if (Array.isArray(data) && data.length > MAX_ENTRIES) {
    throw new CliError(
      'INVALID_INPUT',
      `The list file "${file}" has ${data.length.toLocaleString('en-US')} entries; a list holds at most ${MAX_ENTRIES.toLocaleString('en-US')}. Check that this is the exported list.`,
    );
  }
  const parsed = ListFileSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const [index, field] = issue?.path ?? [];
  const where = typeof index === 'number' ? `entry ${index + 1}${field === undefined ? '' : `, "${String(field)}"`}: ` : '';
  throw new CliError(
    'INVALID_INPUT',
    `The list file "${file}" is not a valid authorized list (${where}${issue?.message ?? 'unexpected content'}). Each entry has exactly "sid", "name" and "role" (exchange, sharepoint or fci), as in ${EXAMPLE}.`,
  );
}
