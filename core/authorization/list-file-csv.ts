import type { ListFileIssue } from '../../contract/list-import.ts';

/** One CSV record and the line it starts on (a quoted cell may span lines). */
export type CsvRecord = { readonly line: number; readonly cells: readonly string[] };

/** The records of a CSV text, or where a quoted cell was left open. */
export type CsvText = { readonly ok: true; readonly records: readonly CsvRecord[] } | { readonly ok: false; readonly issue: ListFileIssue };

/**
 * Split RFC 4180 CSV into records with their starting lines: quoted cells, doubled quotes,
 * CRLF or LF. Blank lines are left out, as a spreadsheet's trailing empty rows are.
 */
export function readCsvRecords(text: string): CsvText {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((value) => value.trim() !== '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charAt(index);
    if (quoted) {
      if (character === '"' && text.charAt(index + 1) === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else {
        if (character === '\n') line += 1;
        cell += character;
      }
    } else if (character === '"') {
      quoted = true;
      quoteLine = line;
    } else if (character === ',') {
      cells.push(cell);
      cell = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text.charAt(index + 1) === '\n') index += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else cell += character;
  }
  if (quoted) return { ok: false, issue: { kind: 'syntax', line: quoteLine, problem: 'A quoted cell is never closed: a " is missing.' } };
  if (cell !== '' || cells.length > 0) endRecord();
  return { ok: true, records };
}
