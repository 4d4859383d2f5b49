import { describe, expect, it } from 'vitest';
import { listFileFormatOf, parseListFile } from './list-file.ts';

const exchange = { sid: 'S-1-5-21-1-2-3-1139', name: 'CORP\\Exchange Servers', role: 'exchange' };
const fileServer = { sid: 'S-1-5-21-1-2-3-1201', name: 'CORP\\FS01$', role: 'fci' };
// What the console's Export CSV writes (main/ipc/servers-csv.ts), with a name it neutralised.
const EXPORTED_CSV = [
  'Account,Role,Object type,SID,Added by,Added on',
  'CORP\\Exchange Servers,Exchange Server,Group,S-1-5-21-1-2-3-1139,CORP\\alice,2026-01-02T03:04:05.000Z',
  `"'=HYPERLINK(""x"")",File server using FCI,Computer,S-1-5-21-1-2-3-1201,CORP\\alice,2026-01-02T03:04:05.000Z`,
  '',
].join('\r\n');

describe('parseListFile', () => {
  it('reads the JSON servers export writes, with a byte-order mark', () => {
    expect(parseListFile(`\uFEFF${JSON.stringify([exchange, fileServer], null, 2)}`, 'json')).toEqual({ ok: true, entries: [exchange, fileServer] });
  });

  it("reads the console's own CSV export back, roles by their labels and the formula apostrophe removed", () => {
    expect(parseListFile(EXPORTED_CSV, 'csv')).toEqual({
      ok: true,
      entries: [exchange, { ...fileServer, name: '=HYPERLINK("x")' }],
    });
  });

  it('reads CSV with role ids, any column order and quoted cells', () => {
    const text = 'role,sid,name\nfci,S-1-5-21-1-2-3-1201,"CORP\\FS01$"\n\n';
    expect(parseListFile(text, 'csv')).toEqual({ ok: true, entries: [fileServer] });
  });

  it('names the line of every bad entry in a pretty-printed JSON file', () => {
    const text = JSON.stringify([exchange, { ...exchange, sid: 'S-1-x' }, fileServer, { ...fileServer, role: 'printer' }], null, 2);
    expect(parseListFile(text, 'json')).toEqual({
      ok: false,
      moreIssues: 0,
      issues: [
        { kind: 'content', line: 7, entry: 2, field: 'sid', problem: 'A SID looks like S-1-5-21-…' },
        { kind: 'content', line: 17, entry: 4, field: 'role', problem: expect.stringContaining('Invalid option') },
      ],
    });
  });

  it('names the line of every bad row in a CSV file, an unknown role in words', () => {
    const text = 'Account,Role,SID\nCORP\\A,Exchange Server,S-1-5-21-1-2-3-1\nCORP\\B,Printer,S-1-5-21-1-2-3-2\nCORP\\C,fci,not-a-sid\n';
    expect(parseListFile(text, 'csv')).toEqual({
      ok: false,
      moreIssues: 0,
      issues: [
        {
          kind: 'content',
          line: 3,
          entry: 2,
          field: 'role',
          problem: expect.stringMatching(/^"Printer" is not a role: use Exchange Server, SharePoint Server/),
        },
        { kind: 'content', line: 4, entry: 3, field: 'sid', problem: 'A SID looks like S-1-5-21-…' },
      ],
    });
  });

  it.each([
    ['JSON cut short', '[\n  {"sid": ', 'json', { kind: 'syntax', line: 2, problem: expect.stringMatching(/^The text is not valid JSON/) }],
    ['an object instead of an array', '{"entries": []}', 'json', { kind: 'content', line: 1, problem: expect.stringContaining('expected array') }],
    ['a CSV quote left open', 'SID,Role\n"S-1-5-21-1,fci\n', 'csv', { kind: 'syntax', line: 2, problem: 'A quoted cell is never closed: a " is missing.' }],
    [
      'a CSV header without Role',
      'Account,SID\nCORP\\A,S-1-5-21-1-2-3-1\n',
      'csv',
      { kind: 'columns', line: 1, problem: expect.stringContaining('Role is missing') },
    ],
    [
      'a hidden character in a name',
      JSON.stringify([{ ...exchange, name: 'CORP\\Exch\u200Bange' }]),
      'json',
      expect.objectContaining({ entry: 1, field: 'name' }),
    ],
    ['10,001 entries', JSON.stringify(Array.from({ length: 10_001 }, () => exchange)), 'json', expect.objectContaining({ kind: 'too-many' })],
  ] as const)('refuses %s and says where', (_label, text, format, issue) => {
    expect(parseListFile(text, format)).toEqual({ ok: false, moreIssues: 0, issues: [issue] });
  });

  it('lists the first 100 issues and counts the rest', () => {
    const rows = Array.from({ length: 150 }, (_, index) => `CORP\\A${String(index)},fci,bad`);
    const parsed = parseListFile(['Account,Role,SID', ...rows].join('\n'), 'csv');
    expect(parsed.ok ? [] : [parsed.issues.length, parsed.moreIssues, parsed.issues[99]?.line]).toEqual([100, 50, 101]);
  });
});

describe('listFileFormatOf', () => {
  it.each([
    ['list.CSV', '[', 'csv'],
    ['list.json', 'SID,Role', 'json'],
    ['list.txt', '\uFEFF  [{}]', 'json'],
    ['list', 'SID,Role', 'csv'],
  ] as const)('reads %s starting %j as %s', (name, text, format) => {
    expect(listFileFormatOf(name, text)).toBe(format);
  });
});
