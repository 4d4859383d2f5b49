import { describe, expect, it } from 'vitest';
import { nextColumnIndex, nextRowIndex, withActiveRow } from './grid-keyboard.ts';

describe('nextRowIndex', () => {
  it.each([
    ['ArrowDown', 5, 6],
    ['ArrowUp', 5, 4],
    ['PageDown', 5, 15],
    ['PageUp', 15, 5],
    ['Home', 50, 0],
    ['End', 3, 99],
    ['ArrowDown', 99, 99],
    ['ArrowUp', 0, 0],
    ['PageDown', 95, 99],
    ['PageUp', 4, 0],
  ])('moves %s from row %i to row %i of 100', (key, from, to) => {
    expect(nextRowIndex(key, from, 100, 10)).toBe(to);
  });

  it('ignores other keys and empty lists', () => {
    expect([nextRowIndex('a', 1, 10, 5), nextRowIndex('ArrowDown', 0, 0, 5)]).toEqual([undefined, undefined]);
  });
});

describe('nextColumnIndex', () => {
  it('moves between header cells without wrapping', () => {
    expect([nextColumnIndex('ArrowRight', 5, 6), nextColumnIndex('ArrowLeft', 0, 6), nextColumnIndex('End', 1, 6), nextColumnIndex('Enter', 1, 6)]).toEqual([
      5,
      0,
      5,
      undefined,
    ]);
  });
});

describe('withActiveRow', () => {
  it('adds the active row to the rendered window, in order', () => {
    expect(withActiveRow([10, 11, 12], 2, 100)).toEqual([2, 10, 11, 12]);
    expect(withActiveRow([10, 11, 12], 11, 100)).toEqual([10, 11, 12]);
    expect(withActiveRow([0, 1], -1, 100)).toEqual([0, 1]);
  });
});
