import { describe, expect, it } from 'vitest';
import type { GridColumn } from '../../components/virtual-grid/grid-types.ts';
import { rowsAsText } from './rows-as-text.ts';

type Row = { readonly name: string; readonly note: string };
const columns: readonly GridColumn<Row>[] = [
  { id: 'name', label: 'Account', width: '1fr', text: (row) => row.name },
  { id: 'note', label: 'Description', width: '1fr', text: (row) => row.note },
];

describe('rowsAsText', () => {
  it('writes a header and one tab-separated line per row, CRLF between lines', () => {
    expect(rowsAsText(columns, [{ name: 'CORP\\EX01$', note: 'Exchange' }])).toBe('Account\tDescription\r\nCORP\\EX01$\tExchange');
  });

  it('keeps a cell with tabs or line breaks on its own line and column', () => {
    expect(rowsAsText(columns, [{ name: 'a\tb', note: 'line\r\nbreak' }])).toBe('Account\tDescription\r\na b\tline break');
  });
});
