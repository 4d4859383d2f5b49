// A spreadsheet runs a cell starting with these as a formula (CSV injection); leading white
// space does not stop every spreadsheet from doing so.
const FORMULA_START = /^[\s]*[=+\-@]|^[\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One CSV cell: neutralised if it could be read as a formula, then quoted if it must be.
 *
 * Names come from the directory (and audit targets from admins), where anyone who may create
 * an object chooses them; a name like `=HYPERLINK(…)` would run when the file is opened in a
 * spreadsheet, so it gets a leading apostrophe and stays plain text. The order matters (the
 * apostrophe may remove the need to quote).
 */
export function csvCell(value: string): string {
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/**
 * Rows as CSV (RFC 4180): CRLF line ends, quotes only where needed, every cell inert.
 *
 * The one CSV writer of the console: main's servers export and the renderer's audit export.
 */
export function renderCsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) => row.map(csvCell).join(','))
    .map((line) => `${line}\r\n`)
    .join('');
}
