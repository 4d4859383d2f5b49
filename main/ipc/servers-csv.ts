import { OBJECT_KIND_LABELS, ROLE_LABELS } from '../../contract/labels.ts';
import type { AuthorizedAccount } from '../../contract/servers.ts';

/**
 * The file name the console saves the list under.
 *
 * Named after the list's title in the connector's own tool, so admins recognise the file.
 */
export const SERVERS_CSV_FILE_NAME = 'servers-allowed-to-utilize-the-connector.csv';

const HEADER = ['Account', 'Role', 'Object type', 'SID', 'Added by', 'Added on'];
// A spreadsheet runs a cell starting with these as a formula (CSV injection); leading white
// space does not stop every spreadsheet from doing so.
const FORMULA_START = /^[\s]*[=+\-@]|^[\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * The list as CSV (RFC 4180): a header row, CRLF line ends, quotes only where needed.
 *
 * Account names come from the directory, where anyone who may create an object chooses
 * them; a name like `=HYPERLINK(…)` would run when the file is opened in a spreadsheet, so
 * every cell that could start a formula gets a leading apostrophe and stays plain text.
 */
export function renderServersCsv(entries: readonly AuthorizedAccount[]): string {
  const rows = entries.map((entry) => [entry.name, ROLE_LABELS[entry.role], OBJECT_KIND_LABELS[entry.kind], entry.sid, entry.addedBy, entry.addedAt]);
  return [HEADER, ...rows]
    .map((row) => row.map(csvCell).join(','))
    .map((line) => `${line}\r\n`)
    .join('');
}

/**
 * One cell: neutralised if it could be read as a formula, then quoted if it must be.
 *
 * Exported for its table-driven test; the order matters (the apostrophe may remove the need to quote).
 */
export function csvCell(value: string): string {
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}
