/** How human output is laid out: ANSI colour or not, and the width to fit (undefined: never cut). */
export type OutputStyle = { readonly colour: boolean; readonly columns: number | undefined };

/** Where stdout goes, as `main.ts` finds it. */
export type StdoutFacts = { readonly isTerminal: boolean; readonly columns: number | undefined; readonly env: NodeJS.ProcessEnv };

/** A terminal that reports no width. */
const FALLBACK_COLUMNS = 100;

/**
 * Colour and width only for a person at a terminal.
 *
 * In a pipe or a file (a script, `| less`, a ticket) and with `--json` the text is left as
 * built: no escape codes, no line cut. `NO_COLOR` (any non-empty value, no-color.org) turns
 * colour off and keeps the fitting.
 */
export function outputStyleOf(stdout: StdoutFacts, json: boolean): OutputStyle {
  if (json || !stdout.isTerminal) return { colour: false, columns: undefined };
  const noColour = stdout.env.NO_COLOR !== undefined && stdout.env.NO_COLOR !== '';
  return { colour: !noColour, columns: stdout.columns !== undefined && stdout.columns > 20 ? stdout.columns : FALLBACK_COLUMNS };
}

/** Fit, then colour (so escape codes never count toward the width). */
export function present(text: string, style: OutputStyle): string {
  const fitted = style.columns === undefined ? text : fitToWidth(text, style.columns);
  return style.colour ? colourStatuses(fitted) : fitted;
}

/**
 * Every line within `columns`: table rows cut with "…", prose wrapped at spaces.
 *
 * A row (cells separated by two or more spaces) wrapped would break its columns, so it is cut
 * and `--json` has the rest; a sentence is wrapped under its own indent so nothing is lost.
 */
export function fitToWidth(text: string, columns: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (line.length <= columns) return [line];
      const indent = line.length - line.trimStart().length;
      if (/\S {2,}\S/.test(line.slice(indent))) return [`${line.slice(0, columns - 1)}…`];
      // A health check's label line continues under its text, past "[FAIL] ".
      return wrapLine(line, indent, /^\[[A-Z]{4}\] /.test(line) ? 7 : indent, columns);
    })
    .join('\n');
}

function wrapLine(line: string, indent: number, hangingIndent: number, columns: number): string[] {
  const pad = ' '.repeat(hangingIndent);
  const lines: string[] = [];
  let current = '';
  for (const word of line.slice(indent).split(' ')) {
    const candidate = current === '' ? `${' '.repeat(indent)}${word}` : `${current} ${word}`;
    if (candidate.length > columns && current !== '') {
      lines.push(current);
      current = `${pad}${word}`;
    } else current = candidate;
  }
  lines.push(current);
  return lines;
}

const GREEN = '\u001b[32m';
const YELLOW = '\u001b[33m';
const RED = '\u001b[31m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';
const STATUS_COLOURS: Readonly<Record<string, string>> = { PASS: GREEN, WARN: YELLOW, FAIL: RED, SKIP: DIM };

/**
 * Colour what says pass, warn or fail: health's `[PASS]`/`[WARN]`/`[FAIL]`/`[SKIP]` labels and
 * `Result: …` line, and the findings' "Errors"/"Warnings" headings.
 */
export function colourStatuses(text: string): string {
  return text
    .replace(/^\[(PASS|WARN|FAIL|SKIP)\]/gm, (label, status: string) => `${STATUS_COLOURS[status] ?? ''}${label}${RESET}`)
    .replace(/^Result: (PASS|WARN|FAIL)\b/gm, (line, status: string) => `${STATUS_COLOURS[status] ?? ''}${line}${RESET}`)
    .replace(/^Errors \(these block saving\):$/gm, (line) => `${RED}${line}${RESET}`)
    .replace(/^Warnings \(acknowledge each code before saving\):$/gm, (line) => `${YELLOW}${line}${RESET}`);
}
