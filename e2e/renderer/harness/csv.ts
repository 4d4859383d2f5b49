/**
 * Parse RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of cells.
 *
 * Small on purpose: the test must read the file the way a spreadsheet would, without
 * trusting the code that wrote it.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charAt(index);
    if (quoted) {
      if (character === '"' && text.charAt(index + 1) === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') {
        quoted = false;
      } else {
        cell += character;
      }
    } else if (character === '"') {
      quoted = true;
    } else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text.charAt(index + 1) === '\n') index += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += character;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Characters that make a spreadsheet evaluate a cell as a formula (OWASP CSV injection). */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/** Whether a spreadsheet would run this cell as a formula (leading white space does not help). */
export function startsFormula(cell: string): boolean {
  const trimmed = cell.trimStart();
  return FORMULA_TRIGGERS.some((trigger) => cell.startsWith(trigger) || trimmed.startsWith(trigger));
}
