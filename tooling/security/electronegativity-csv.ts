/** Electronegativity's severities, lowest first. */
export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;

/** One Electronegativity severity. */
export type Severity = (typeof SEVERITIES)[number];

/** One finding from Electronegativity's CSV report. */
export type Finding = {
  readonly check: string;
  readonly severity: Severity;
  readonly confidence: string;
  /** Path relative to the scanned folder, or `N/A` for a finding about the whole app. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly sample: string;
  readonly description: string;
};

const HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];

/** Split CSV text into rows of fields: double-quoted fields with "" escapes, unquoted `N/A`. */
function parseRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charAt(index);
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += character;
  }
  if (quoted) throw new Error('the report ends inside a quoted field: it is truncated');
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((fields) => fields.some((value) => value.trim() !== ''));
}

/**
 * Parse Electronegativity's CSV report (`-o report.csv`) into findings.
 *
 * Strict on purpose: the tool exits 0 whatever it finds and writes the file asynchronously, so a
 * missing header, a short row or an unknown severity means the report cannot be trusted and is
 * an error, never "no findings".
 */
export function parseElectronegativityCsv(text: string): Finding[] {
  const [header, ...rows] = parseRows(text);
  if (header === undefined || header.map((name) => name.trim()).join(',') !== HEADER.join(',')) throw new Error('not an Electronegativity CSV report: the header row is missing or different');
  return rows.map((fields, index) => {
    if (fields.length !== HEADER.length) throw new Error(`report row ${String(index + 1)} has ${String(fields.length)} fields, expected ${String(HEADER.length)}`);
    const [check = '', severity = '', confidence = '', file = '', location = '', sample = '', description = ''] = fields;
    if (!(SEVERITIES as readonly string[]).includes(severity)) throw new Error(`report row ${String(index + 1)} has an unknown severity "${severity}"`);
    const [line, column] = location.split(':').map(Number);
    return { check, severity: severity as Severity, confidence, file, line: line ?? 0, column: column ?? 0, sample, description };
  });
}

/** Whether a finding blocks the gate: anything above informational. */
export function isBlocking(finding: Finding): boolean {
  return finding.severity !== 'INFORMATIONAL';
}
