import type { RegistryKey, RegistryValue } from '../registry-settings.ts';

/** A .reg file that does not follow the format, with the 1-based line where it went wrong. */
export class RegFileSyntaxError extends Error {
  readonly line: number;

  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'RegFileSyntaxError';
    this.line = line;
  }
}

const HEADER = 'Windows Registry Editor Version 5.00';
const ROOTS = ['HKEY_LOCAL_MACHINE', 'HKEY_CURRENT_USER', 'HKEY_CLASSES_ROOT', 'HKEY_USERS', 'HKEY_CURRENT_CONFIG'];

/**
 * Parse a Unicode .reg file that holds only string values, strictly.
 *
 * No npm parser is well kept (the candidates are one-release ports that read files by path
 * and accept anything), so the tests use this one. It accepts exactly what RegEdit writes
 * for REG_SZ values — UTF-16LE with BOM, CRLF, the version header, `[key]` lines, `@=` and
 * `"name"=` string values with `\\` and `\"` escapes, `;` comments — and refuses everything
 * else (other value types, deletions, stray text, bare LF or CR), so a round trip through it
 * proves the generator's bytes, not just its text.
 */
export function parseRegFile(bytes: Buffer): RegistryKey[] {
  if (bytes.length < 2 || bytes[0] !== 0xff || bytes[1] !== 0xfe)
    throw new RegFileSyntaxError(1, 'the file does not start with the UTF-16LE byte-order mark FF FE.');
  if (bytes.length % 2 !== 0) throw new RegFileSyntaxError(1, 'the file has an odd number of bytes, so it is not UTF-16.');
  const text = bytes.subarray(2).toString('utf16le');
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) throw new RegFileSyntaxError(lineOfBareBreak(text), 'a line ends with a bare CR or LF instead of CRLF.');
  if (!text.endsWith('\r\n')) throw new RegFileSyntaxError(text.split('\r\n').length, 'the last line has no CRLF.');
  const lines = text.slice(0, -2).split('\r\n');
  if (lines[0] !== HEADER) throw new RegFileSyntaxError(1, `the first line is not "${HEADER}".`);
  const keys: { path: string; values: RegistryValue[] }[] = [];
  lines.slice(1).forEach((line, index) => {
    const number = index + 2;
    if (line === '' || line.startsWith(';')) return;
    if (line.startsWith('[')) {
      keys.push({ path: parseKeyLine(line, number), values: [] });
      return;
    }
    const current = keys.at(-1);
    if (current === undefined) throw new RegFileSyntaxError(number, 'a value comes before any [key] line.');
    const value = parseValueLine(line, number);
    if (current.values.some((existing) => existing.name.toLowerCase() === value.name.toLowerCase()))
      throw new RegFileSyntaxError(number, `the value "${value.name}" is set twice in one key.`);
    current.values.push(value);
  });
  return keys;
}

function parseKeyLine(line: string, number: number): string {
  if (!line.endsWith(']')) throw new RegFileSyntaxError(number, 'a key line does not end with "]".');
  const path = line.slice(1, -1);
  if (path.startsWith('-')) throw new RegFileSyntaxError(number, 'key deletions ([-key]) are not expected.');
  if (!ROOTS.some((root) => path.startsWith(`${root}\\`)))
    throw new RegFileSyntaxError(number, `the key "${path}" does not start with a registry root such as HKEY_LOCAL_MACHINE\\.`);
  if (path.includes('\\\\') || path.endsWith('\\')) throw new RegFileSyntaxError(number, 'the key path has an empty component.');
  return path;
}

function parseValueLine(line: string, number: number): RegistryValue {
  let name: string;
  let rest: string;
  if (line.startsWith('@=')) {
    name = '';
    rest = line.slice(2);
  } else if (line.startsWith('"')) {
    const quoted = readQuoted(line, 0, number);
    name = quoted.text;
    if (name === '') throw new RegFileSyntaxError(number, 'an empty value name must be written @=.');
    if (line[quoted.end] !== '=') throw new RegFileSyntaxError(number, 'a value name is not followed by "=".');
    rest = line.slice(quoted.end + 1);
  } else {
    throw new RegFileSyntaxError(number, 'a line is neither a key, a value, a comment nor blank.');
  }
  if (!rest.startsWith('"')) throw new RegFileSyntaxError(number, 'only string (REG_SZ) values are expected, written "data".');
  const data = readQuoted(rest, 0, number);
  if (data.end !== rest.length) throw new RegFileSyntaxError(number, 'text follows the closing quote of the data.');
  return { name, data: data.text };
}

function readQuoted(line: string, start: number, number: number): { text: string; end: number } {
  let text = '';
  for (let index = start + 1; index < line.length; index += 1) {
    const character = line.charAt(index);
    if (character === '"') return { text, end: index + 1 };
    if (character === '\\') {
      const next = line.charAt(index + 1);
      if (next !== '\\' && next !== '"') throw new RegFileSyntaxError(number, `"\\${next}" is not an escape RegEdit writes in a string (only \\\\ and \\").`);
      text += next;
      index += 1;
    } else {
      text += character;
    }
  }
  throw new RegFileSyntaxError(number, 'a quoted string is not closed.');
}

function lineOfBareBreak(text: string): number {
  const match = /\r(?!\n)|(?<!\r)\n/.exec(text);
  return match === null ? 1 : text.slice(0, match.index).split(/\r\n|\r|\n/).length;
}
