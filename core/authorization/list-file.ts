import { z } from 'zod';
import { refuseHiddenCharacters } from '../../contract/hidden-characters.ts';
import { ROLE_LABELS } from '../../contract/labels.ts';
import type { ListFileFormat, ListFileIssue } from '../../contract/list-import.ts';
import { AuthorizedEntrySchema, RoleSchema, type AuthorizedEntry, type Role } from '../../contract/policy.ts';
import { readCsvRecords, type CsvRecord } from './list-file-csv.ts';
import { readJsonList } from './list-file-json.ts';

/** The most entries a list may hold (the service's limit). */
export const MAX_LIST_ENTRIES = 10_000;
/** Far above 10,000 entries of JSON or CSV; a larger file is refused before it is read into memory. */
export const MAX_LIST_FILE_BYTES = 16 * 1024 * 1024;
/** How many issues a refusal lists; the rest are counted. */
export const MAX_LISTED_ISSUES = 100;

// A name in a file is typed by someone too: the service would refuse it, so say so before any work.
const ListEntrySchema = AuthorizedEntrySchema.extend({ name: AuthorizedEntrySchema.shape.name.superRefine(refuseHiddenCharacters()) });
const ROLE_BY_WORD = new Map<string, Role>([
  ...RoleSchema.options.map((role) => [role, role] as const),
  ...Object.entries(ROLE_LABELS).map(([role, label]) => [label.toLowerCase(), RoleSchema.parse(role)] as const),
]);
const ROLE_WORDS = `${Object.values(ROLE_LABELS).join(', ')} (or ${RoleSchema.options.join(', ')})`;
// The console's CSV export puts an apostrophe before a cell a spreadsheet would run as a formula.
const NEUTRALISED_FORMULA = /^'(?:\s*[=+\-@]|[\t\r\n])/;

/** A list file read: its entries, or every issue found (the first {@link MAX_LISTED_ISSUES}) and how many more. */
export type ListFileParse =
  { readonly ok: true; readonly entries: AuthorizedEntry[] } | { readonly ok: false; readonly issues: ListFileIssue[]; readonly moreIssues: number };

/**
 * Which format a list file is in: by its extension, else by its first character.
 *
 * `servers export` writes JSON; the console's Export CSV writes CSV; an admin may have
 * renamed either, so a file without a known extension is JSON when it starts with `[` or `{`.
 */
export function listFileFormatOf(fileName: string, text: string): ListFileFormat {
  const extension = /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'csv') return 'csv';
  if (extension === 'json') return 'json';
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}

/**
 * Read the text of a list file: JSON (an array of `{ sid, name, role }`) or CSV with a header
 * row naming at least SID and Role (Account or Name is the label; other columns are ignored,
 * so the console's own Export CSV reads back).
 *
 * The whole file is checked before any directory work, and every issue says its line, so an
 * admin fixes a file in one pass. A byte-order mark is allowed (Windows PowerShell and Excel
 * write one).
 */
export function parseListFile(text: string, format: ListFileFormat): ListFileParse {
  const body = text.replace(/^\uFEFF/, '');
  return format === 'json' ? parseJson(body) : parseCsv(body);
}

function parseJson(text: string): ListFileParse {
  const read = readJsonList(text);
  if (!read.ok) return refused([read.issue]);
  const array = z.array(z.unknown()).safeParse(read.data);
  if (!array.success) return refused([{ kind: 'content', line: 1, problem: array.error.issues[0]?.message ?? 'Not an array.' }]);
  return checkEntries(array.data.map((value, index) => ({ value, line: read.lines[index] })));
}

function parseCsv(text: string): ListFileParse {
  const read = readCsvRecords(text);
  if (!read.ok) return refused([read.issue]);
  const [header, ...rows] = read.records;
  if (header === undefined) return { ok: true, entries: [] };
  const column = columnsOf(header);
  if (column.sid === undefined || column.role === undefined) {
    const missing = [column.sid === undefined ? 'SID' : undefined, column.role === undefined ? 'Role' : undefined].filter(Boolean).join(' and ');
    return refused([
      {
        kind: 'columns',
        line: header.line,
        problem: `The first row must name the columns, with at least SID and Role (and Account for the name); ${missing} ${missing.includes(' and ') ? 'are' : 'is'} missing.`,
      },
    ]);
  }
  const { sid, role } = column;
  const issues: ListFileIssue[] = [];
  const values = rows.map((row, index) => {
    const typedRole = (row.cells[role] ?? '').trim();
    const known = ROLE_BY_WORD.get(typedRole.toLowerCase());
    if (known === undefined)
      issues.push({
        kind: 'content',
        line: row.line,
        entry: index + 1,
        field: 'role',
        problem: `"${typedRole.slice(0, 64)}" is not a role: use ${ROLE_WORDS}.`,
      });
    const sidValue = (row.cells[sid] ?? '').trim();
    const name = column.name === undefined ? sidValue : (row.cells[column.name] ?? '').trim().replace(NEUTRALISED_FORMULA, (found) => found.slice(1));
    return { value: { sid: sidValue, name, role: known ?? typedRole }, line: row.line };
  });
  return checkEntries(values, issues);
}

function columnsOf(header: CsvRecord): { sid: number | undefined; role: number | undefined; name: number | undefined } {
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const indexOf = (...wanted: string[]) => {
    const index = names.findIndex((name) => wanted.includes(name));
    return index === -1 ? undefined : index;
  };
  return { sid: indexOf('sid'), role: indexOf('role'), name: indexOf('account', 'name') };
}

/** Check each entry with the one entry schema; CSV role issues found earlier come first on their line. */
function checkEntries(values: readonly { value: unknown; line: number | undefined }[], earlier: readonly ListFileIssue[] = []): ListFileParse {
  if (values.length > MAX_LIST_ENTRIES)
    return refused([
      {
        kind: 'too-many',
        problem: `has ${values.length.toLocaleString('en-US')} entries; a list holds at most ${MAX_LIST_ENTRIES.toLocaleString('en-US')}`,
      },
    ]);
  const issues: ListFileIssue[] = [...earlier];
  const entries: AuthorizedEntry[] = [];
  values.forEach(({ value, line }, index) => {
    const parsed = ListEntrySchema.safeParse(value);
    if (parsed.success) {
      entries.push(parsed.data);
      return;
    }
    const issue = parsed.error.issues.find((found) => !(found.path[0] === 'role' && earlier.some((role) => role.line === line)));
    if (issue === undefined) return;
    const field = issue.path[0];
    issues.push({
      kind: 'content',
      ...(line === undefined ? {} : { line }),
      entry: index + 1,
      ...(field === undefined ? {} : { field: String(field) }),
      problem: issue.message,
    });
  });
  if (issues.length > 0) return refused(issues.sort((left, right) => (left.line ?? 0) - (right.line ?? 0)));
  return { ok: true, entries };
}

function refused(issues: readonly ListFileIssue[]): ListFileParse {
  return { ok: false, issues: issues.slice(0, MAX_LISTED_ISSUES), moreIssues: Math.max(0, issues.length - MAX_LISTED_ISSUES) };
}
