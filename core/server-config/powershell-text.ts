import { hasControlCharacter } from './control-characters.ts';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A PowerShell single-quoted string literal holding `text` verbatim.
 *
 * Inside single quotes nothing expands; the only escape is doubling the quote — and
 * PowerShell also treats the typographic quotes U+2018–U+201B as single quotes, so those are
 * doubled too. Control characters are refused outright: validation already keeps them out
 * of URLs, and a line break would end a comment line the value is echoed in.
 */
export function psQuote(text: string): string {
  assertNoControlCharacters(text);
  return `'${text.replace(/['\u2018-\u201b]/g, (quote) => quote + quote)}'`;
}

/** Text for a `#` comment line: the same refusal of control characters as {@link psQuote}. */
export function psComment(text: string): string {
  assertNoControlCharacters(text);
  return `# ${text}`.trimEnd();
}

/**
 * Encode script lines as UTF-8 with a byte-order mark and CRLF line ends.
 *
 * Windows PowerShell 5.1 reads a BOM-less script as the ANSI code page; the BOM makes it
 * read UTF-8 whatever the server's locale. CRLF keeps Notepad and signing tools happy.
 */
export function encodeScript(lines: readonly string[]): Buffer {
  for (const line of lines) assertNoControlCharacters(line);
  return Buffer.concat([UTF8_BOM, Buffer.from(lines.map((line) => `${line}\r\n`).join(''), 'utf8')]);
}

function assertNoControlCharacters(text: string): void {
  if (hasControlCharacter(text, { allowTab: true }))
    throw new Error('Script text would contain a line break or control character; the input was not validated.');
}
