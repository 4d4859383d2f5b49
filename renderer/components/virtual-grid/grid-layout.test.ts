import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GRID_LAYOUT,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  gridTracks,
  isColumnVisible,
  parseGridLayout,
  trackMinimum,
  withColumnWidth,
} from './grid-layout.ts';
import type { GridColumn } from './grid-types.ts';

const columns: readonly GridColumn<never>[] = [
  { id: 'account', label: 'Account', text: () => '', width: 'minmax(16rem, 3fr)', required: true },
  { id: 'sid', label: 'SID', text: () => '', width: 'minmax(10rem, 1fr)' },
  { id: 'description', label: 'Description', text: () => '', width: '12rem', hidden: true },
];

describe('parseGridLayout', () => {
  it('keeps valid widths and choices for known columns', () => {
    expect(parseGridLayout(JSON.stringify({ widths: { sid: 120 }, visible: { description: true } }), columns)).toEqual({
      widths: { sid: 120 },
      visible: { description: true },
    });
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{widths:'],
    ['a JSON string', '"hello"'],
    ['a width below the least', JSON.stringify({ widths: { sid: MIN_COLUMN_WIDTH - 1 }, visible: {} })],
    ['a width above the most', JSON.stringify({ widths: { sid: MAX_COLUMN_WIDTH + 1 }, visible: {} })],
    ['a fractional width', JSON.stringify({ widths: { sid: 100.5 }, visible: {} })],
    ['a width as text', JSON.stringify({ widths: { sid: '100px' }, visible: {} })],
    ['an extra key', JSON.stringify({ widths: {}, visible: {}, script: 'alert(1)' })],
    ['an overlong column id', JSON.stringify({ widths: { ['x'.repeat(65)]: 100 }, visible: {} })],
    ['an oversized text', JSON.stringify({ widths: {}, visible: {}, pad: 'x'.repeat(20_000) })],
    ['a prototype key', '{"widths":{"__proto__":{"polluted":1}},"visible":{}}'],
  ])('falls back to the defaults for %s', (_label, text) => {
    expect(parseGridLayout(text, columns)).toEqual(DEFAULT_GRID_LAYOUT);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('drops unknown columns and never hides the required one', () => {
    expect(parseGridLayout(JSON.stringify({ widths: { gone: 100, sid: 90 }, visible: { account: false, gone: false } }), columns)).toEqual({
      widths: { sid: 90 },
      visible: {},
    });
  });
});

describe('isColumnVisible', () => {
  it('follows the admin over the default, except for the required column', () => {
    const layout = { widths: {}, visible: { description: true, sid: false, account: false } };
    expect(columns.map((column) => [isColumnVisible(column, DEFAULT_GRID_LAYOUT), isColumnVisible(column, layout)])).toEqual([
      [true, true],
      [true, false],
      [false, true],
    ]);
  });
});

describe('gridTracks', () => {
  it('gives sized columns their pixels and adds up the least widths', () => {
    const layout = withColumnWidth(DEFAULT_GRID_LAYOUT, 'sid', 30);
    expect(gridTracks(columns, layout, '40rem')).toEqual({
      template: `minmax(16rem, 3fr) ${String(MIN_COLUMN_WIDTH)}px 12rem`,
      minWidth: `max(40rem, calc(16rem + ${String(MIN_COLUMN_WIDTH)}px + 12rem))`,
    });
  });

  it.each([
    ['minmax(13rem, 2fr)', '13rem'],
    ['12rem', '12rem'],
    ['1fr', '0px'],
    ['minmax(min-content, 1fr)', '0px'],
  ])('reads the least width of %s as %s', (track, least) => {
    expect(trackMinimum(track)).toBe(least);
  });
});
