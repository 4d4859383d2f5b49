import { useCallback, useState } from 'react';
import { DEFAULT_GRID_LAYOUT, type GridLayout } from './grid-layout.ts';
import { rememberGridLayout, rememberedGridLayout } from './grid-layout-memory.ts';
import type { GridColumn } from './grid-types.ts';

/**
 * A grid's column layout, read once from the last session and kept on every change.
 *
 * Without a `gridId` the layout lives only as long as the grid (a one-off chooser).
 */
export function useGridLayout(gridId: string | undefined, columns: readonly GridColumn<never>[]): [GridLayout, (layout: GridLayout) => void] {
  const [layout, setLayout] = useState(() => (gridId === undefined ? DEFAULT_GRID_LAYOUT : rememberedGridLayout(gridId, columns)));
  const change = useCallback(
    (next: GridLayout) => {
      setLayout(next);
      if (gridId !== undefined) rememberGridLayout(gridId, next);
    },
    [gridId],
  );
  return [layout, change];
}
