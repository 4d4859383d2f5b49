import { DEFAULT_GRID_LAYOUT, parseGridLayout, type GridLayout } from './grid-layout.ts';
import type { GridColumn } from './grid-types.ts';

const STORAGE_PREFIX = 'rms-connector-admin.grid-layout.';

/**
 * The column layout last kept for the grid named `gridId`, or the default one.
 *
 * Kept in the renderer's local storage: a column width is no secret and no setting main needs.
 * A storage that cannot be read, or holds something damaged, means the defaults.
 */
export function rememberedGridLayout(gridId: string, columns: readonly GridColumn<never>[]): GridLayout {
  try {
    return parseGridLayout(globalThis.localStorage.getItem(STORAGE_PREFIX + gridId), columns);
  } catch {
    return DEFAULT_GRID_LAYOUT;
  }
}

/** Keep a grid's column layout for the next session (forgotten when it is the default again). */
export function rememberGridLayout(gridId: string, layout: GridLayout): void {
  try {
    const unchanged = Object.keys(layout.widths).length === 0 && Object.keys(layout.visible).length === 0;
    if (unchanged) globalThis.localStorage.removeItem(STORAGE_PREFIX + gridId);
    else globalThis.localStorage.setItem(STORAGE_PREFIX + gridId, JSON.stringify(layout));
  } catch {
    // Nothing to do: remembering is a convenience.
  }
}
