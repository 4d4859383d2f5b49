import { describe, expect, it } from 'vitest';
import { parseRegFile } from './reg-file-parser.ts';

const HEADER = 'Windows Registry Editor Version 5.00';

/** Encode lines as RegEdit does: UTF-16LE with BOM, CRLF after every line. */
function regFile(lines: readonly string[], lineEnd = '\r\n'): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.map((line) => line + lineEnd).join(''), 'utf16le')]);
}

describe('parseRegFile', () => {
  it('reads keys, default and named string values, escapes and comments', () => {
    const bytes = regFile([
      HEADER,
      '',
      '; a comment',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]',
      '@="one"',
      '"name \\"q\\""="C:\\\\path"',
      '',
      '[HKEY_CURRENT_USER\\B]',
      '"x"=""',
      '',
    ]);
    expect(parseRegFile(bytes)).toEqual([
      {
        path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\A',
        values: [
          { name: '', data: 'one' },
          { name: 'name "q"', data: 'C:\\path' },
        ],
      },
      { path: 'HKEY_CURRENT_USER\\B', values: [{ name: 'x', data: '' }] },
    ]);
  });

  it.each([
    ['no byte-order mark', Buffer.from(`${HEADER}\r\n`, 'utf16le'), /line 1: .*byte-order mark/],
    ['UTF-8 instead of UTF-16', Buffer.from(`\uFEFF${HEADER}\r\n`, 'utf8'), /line 1: .*byte-order mark/],
    ['the REGEDIT4 header', regFile(['REGEDIT4', '']), /line 1: the first line/],
    ['LF line ends', regFile([HEADER, '', '[HKEY_LOCAL_MACHINE\\A]'], '\n'), /line 1: .*bare CR or LF/],
    ['a bare CR inside a line', regFile([HEADER, '', '[HKEY_LOCAL_MACHINE\\A]', '@="a\rb"']), /line 4: .*bare CR or LF/],
    ['no CRLF after the last line', Buffer.concat([regFile([HEADER]), Buffer.from('[HKEY_LOCAL_MACHINE\\A]', 'utf16le')]), /no CRLF/],
    ['a value before any key', regFile([HEADER, '', '@="x"']), /line 3: a value comes before/],
    ['a DWORD value', regFile([HEADER, '', '[HKEY_LOCAL_MACHINE\\A]', '"n"=dword:00000001']), /line 4: only string/],
    ['a key deletion', regFile([HEADER, '', '[-HKEY_LOCAL_MACHINE\\A]']), /line 3: key deletions/],
    ['an unknown root', regFile([HEADER, '', '[HKLM\\A]']), /line 3: .*registry root/],
    ['an unclosed key', regFile([HEADER, '', '[HKEY_LOCAL_MACHINE\\A']), /line 3: .*"\]"/],
    ['an unclosed string', regFile([HEADER, '', '[HKEY_LOCAL_MACHINE\\A]', '@="x']), /line 4: .*not closed/],
    ['an unknown escape', regFile([HEADER, '', '[HKEY_LOCAL_MACHINE\\A]', '@="a\\nb"']), /line 4: .*escape/],
    ['text after the data', regFile([HEADER, '', '[HKEY_LOCAL_MACHINE\\A]', '@="a" ; x']), /line 4: text follows/],
    ['a value set twice', regFile([HEADER, '', '[HKEY_LOCAL_MACHINE\\A]', '"N"="1"', '"n"="2"']), /line 5: .*set twice/],
    ['an empty quoted name', regFile([HEADER, '', '[HKEY_LOCAL_MACHINE\\A]', '""="1"']), /line 4: .*@=/],
    ['stray text', regFile([HEADER, '', '[HKEY_LOCAL_MACHINE\\A]', 'hello']), /line 4: a line is neither/],
  ])('refuses %s', (_label, bytes, message) => {
    expect(() => parseRegFile(bytes)).toThrow(message);
  });
});
