/**
 * The row a navigation key moves to, or undefined for any other key.
 *
 * Arrows move one row, Page Up/Down one screenful, Home/End to the ends, always clamped to
 * the list (no wrap-around, as in Windows list views). Pure, so it is tested on its own.
 */
export function nextRowIndex(key: string, current: number, count: number, pageSize: number): number | undefined {
  if (count === 0) return undefined;
  const last = count - 1;
  const from = Math.min(Math.max(current, 0), last);
  const page = Math.max(1, pageSize);
  switch (key) {
    case 'ArrowDown':
      return Math.min(from + 1, last);
    case 'ArrowUp':
      return Math.max(from - 1, 0);
    case 'PageDown':
      return Math.min(from + page, last);
    case 'PageUp':
      return Math.max(from - page, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}

/**
 * The header cell an arrow key moves to among `count` columns, or undefined for other keys.
 *
 * Left/Right move one column, Home/End to the first and last; clamped like the rows.
 */
export function nextColumnIndex(key: string, current: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
      return Math.min(current + 1, count - 1);
    case 'ArrowLeft':
      return Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * The rows to render: the virtualizer's window plus the active row, in order.
 *
 * Keeping the active row mounted means it keeps keyboard focus (and the grid keeps its tab
 * stop) while the admin scrolls it out of view with the mouse wheel.
 */
export function withActiveRow(indexes: readonly number[], active: number, count: number): number[] {
  if (active < 0 || active >= count || indexes.includes(active)) return [...indexes];
  return [...indexes, active].sort((left, right) => left - right);
}
