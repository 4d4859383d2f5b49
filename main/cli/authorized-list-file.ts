import { readFile, stat } from 'node:fs/promises';
import type { ListFileIssue } from '../../contract/list-import.ts';
import type { AuthorizedEntry } from '../../contract/policy.ts';
import { listFileFormatOf, MAX_LIST_ENTRIES, MAX_LIST_FILE_BYTES, parseListFile } from '../../core/authorization/list-file.ts';
import { CliError } from './cli-error.ts';

const EXAMPLE = '[{"sid": "S-1-5-21-…", "name": "CORP\\\\Exchange Servers", "role": "exchange"}]';

/**
 * Read and validate a `--list FILE` (the JSON the connector service exports, or the console's CSV).
 *
 * The whole file is checked before any directory work, so a bad file costs no connection and
 * produces no partial output; every refusal says which entry is wrong and what is expected.
 */
export async function readAuthorizedList(file: string): Promise<AuthorizedEntry[]> {
  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliError('INVALID_INPUT', `The list file "${file}" is not a file. Give the path of the JSON file the list was exported to.`);
    if (info.size > MAX_LIST_FILE_BYTES)
      throw new CliError(
        'INVALID_INPUT',
        `The list file "${file}" is ${info.size.toLocaleString('en-US')} bytes; a list of ${MAX_LIST_ENTRIES.toLocaleString('en-US')} entries is far smaller. Check that this is the exported list.`,
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
 * Parse the text of a list file with core's list-file reader; see {@link readAuthorizedList}.
 *
 * The CLI stops at the first issue, worded with the file's name and what a list looks like.
 */
export function parseAuthorizedList(text: string, file: string): AuthorizedEntry[] {
  const parsed = parseListFile(text, listFileFormatOf(file, text));
  if (parsed.ok) return parsed.entries;
  const [issue] = parsed.issues;
  throw new CliError('INVALID_INPUT', issue === undefined ? `The list file "${file}" is not a valid authorized list.` : refusalOf(issue, file));
}

function refusalOf(issue: ListFileIssue, file: string): string {
  const line = issue.line === undefined ? '' : `line ${String(issue.line)}, `;
  switch (issue.kind) {
    case 'syntax':
      return `The list file "${file}" cannot be read (${line}${issue.problem}) It must be a JSON array such as ${EXAMPLE}, or CSV with a header row naming SID, Role and Account.`;
    case 'too-many':
      return `The list file "${file}" ${issue.problem}. Check that this is the exported list.`;
    case 'columns':
      return `The list file "${file}" is not a valid authorized list (${issue.problem})`;
    case 'content': {
      const entry = issue.entry === undefined ? '' : `entry ${String(issue.entry)}${issue.field === undefined ? '' : `, "${issue.field}"`}: `;
      const at = issue.entry === undefined || issue.line === undefined ? '' : `; line ${String(issue.line)}`;
      return `The list file "${file}" is not a valid authorized list (${entry}${issue.problem}${at}). Each entry has exactly "sid", "name" and "role" (exchange, sharepoint or fci), as in ${EXAMPLE}.`;
    }
  }
}
