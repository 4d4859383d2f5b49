import { describe, expect, it } from 'vitest';
import { selectionAfter, type Selection } from './grid-selection.ts';

const keys = ['a', 'b', 'c', 'd', 'e'];
const of = (selected: string[], anchor: number): Selection => ({ keys: new Set(selected), anchor });

describe('selectionAfter', () => {
  it.each<[string, Selection, { index: number; toggle: boolean; extend: boolean }, Selection]>([
    ['a plain click selects that row alone', of(['a', 'b'], 0), { index: 3, toggle: false, extend: false }, of(['d'], 3)],
    ['Ctrl adds a row', of(['a'], 0), { index: 2, toggle: true, extend: false }, of(['a', 'c'], 2)],
    ['Ctrl removes a selected row', of(['a', 'c'], 2), { index: 0, toggle: true, extend: false }, of(['c'], 0)],
    ['Shift selects from the anchor down', of(['b'], 1), { index: 3, toggle: false, extend: true }, of(['b', 'c', 'd'], 1)],
    ['Shift selects from the anchor up', of(['d'], 3), { index: 1, toggle: false, extend: true }, of(['b', 'c', 'd'], 3)],
    ['Shift without an anchor selects the row', of([], -1), { index: 2, toggle: false, extend: true }, of(['c'], 2)],
    ['a row outside the list changes nothing', of(['a'], 0), { index: 9, toggle: false, extend: false }, of(['a'], 0)],
  ])('%s', (_label, current, gesture, expected) => {
    expect(selectionAfter(current, keys, gesture)).toEqual(expected);
  });
});
