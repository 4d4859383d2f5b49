import type { GridColumn } from '../../components/virtual-grid/grid-types.ts';

/** A cell's text on one line: tabs and line breaks would split a pasted row. */
function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

/**
 * Rows as a Windows list view copies them: a header line, then one line per row, cells
 * separated by tabs, lines by CRLF (pastes into Excel, Notepad and a ticket alike).
 *
 * The cells are the texts the grid shows (local dates, roles in words), in the grid's order.
 */
export function rowsAsText<Row>(columns: readonly GridColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((column) => oneLine(column.label)), ...rows.map((row) => columns.map((column) => oneLine(column.text(row))))];
  return lines.map((cells) => cells.join('\t')).join('\r\n');
}

/**
 * Write text to the clipboard; false where the clipboard refuses.
 *
 * The desktop app grants the page only `clipboard-sanitized-write` (main/shell); a browser
 * may refuse without a user gesture. The caller says which happened.
 */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
