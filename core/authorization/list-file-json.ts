import type { ListFileIssue } from '../../contract/list-import.ts';

/** A JSON list file's top-level value, and the line each element of a top-level array starts on. */
export type JsonListText =
  { readonly ok: true; readonly data: unknown; readonly lines: readonly number[] } | { readonly ok: false; readonly issue: ListFileIssue };

/**
 * Parse a JSON list file and find the line of each top-level array element.
 *
 * `JSON.parse` keeps no positions, so a small scan over the text (strings and nesting only)
 * finds where each element starts: an admin fixing entry 312 of an export wants its line.
 * A syntax error says its line too, from the parser's own position.
 */
export function readJsonList(text: string): JsonListText {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = syntaxErrorLine(text, message);
    return { ok: false, issue: { kind: 'syntax', ...(line === undefined ? {} : { line }), problem: `The text is not valid JSON (${message}).` } };
  }
  return { ok: true, data, lines: Array.isArray(data) ? elementLines(text) : [] };
}

/** The line V8 names (`line 3 column 5`), else the line of the position it names, else none. */
function syntaxErrorLine(text: string, message: string): number | undefined {
  const named = /\bline (\d+) column \d+/.exec(message);
  if (named?.[1] !== undefined) return Number(named[1]);
  const position = /\bposition (\d+)/.exec(message);
  if (position?.[1] !== undefined) return lineAt(text, Number(position[1]));
  return message.includes('end of JSON input') ? lineAt(text, text.length) : undefined;
}

/** The line each element of the top-level array starts on; the text is known to be valid JSON. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expectingElement = false;
  for (const character of text) {
    if (character === '\n') line += 1;
    if (inString) {
      if (escaped) escaped = false;
      else if (character === '\\') escaped = true;
      else if (character === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectingElement && !/\s|,|\]/.test(character)) {
      lines.push(line);
      expectingElement = false;
    }
    if (character === '"') inString = true;
    else if (character === '[' || character === '{') {
      depth += 1;
      if (depth === 1) expectingElement = true;
    } else if (character === ']' || character === '}') depth -= 1;
    else if (character === ',' && depth === 1) expectingElement = true;
  }
  return lines;
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let index = 0; index < Math.min(position, text.length); index += 1) if (text.charCodeAt(index) === 10) line += 1;
  return line;
}
