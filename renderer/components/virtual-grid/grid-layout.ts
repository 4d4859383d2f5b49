import { z } from 'zod';
import type { GridColumn } from './grid-types.ts';

/** The narrowest a column may be dragged, in pixels (its header still shows a few letters). */
export const MIN_COLUMN_WIDTH = 48;
/** The widest a column may be made, in pixels: wider than any screen, short of absurd. */
export const MAX_COLUMN_WIDTH = 2000;

const ColumnIdSchema = z.string().min(1).max(64);

/**
 * What an admin changed about a grid's columns: widths they set and columns shown or hidden.
 *
 * Only departures from the defaults are kept, so a column added in a later version appears
 * with its own default. Read back from storage, so it is validated like any outside input.
 */
export const GridLayoutSchema = z
  .object({
    widths: z.record(ColumnIdSchema, z.number().int().min(MIN_COLUMN_WIDTH).max(MAX_COLUMN_WIDTH)),
    visible: z.record(ColumnIdSchema, z.boolean()),
  })
  .strict();
/** See {@link GridLayoutSchema}. */
export type GridLayout = z.infer<typeof GridLayoutSchema>;

/** The layout of a grid nobody has changed. */
export const DEFAULT_GRID_LAYOUT: GridLayout = { widths: {}, visible: {} };

/**
 * A stored layout, or the default one when the text is missing, damaged or hostile.
 *
 * Entries for columns the grid no longer has are dropped; nothing stored can hide a column
 * that must stay (the account's name).
 */
export function parseGridLayout(text: string | null, columns: readonly GridColumn<never>[]): GridLayout {
  if (text === null || text.length > 16_384) return DEFAULT_GRID_LAYOUT;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return DEFAULT_GRID_LAYOUT;
  }
  const parsed = GridLayoutSchema.safeParse(json);
  if (!parsed.success) return DEFAULT_GRID_LAYOUT;
  const known = new Map(columns.map((column) => [column.id, column]));
  const widths = Object.entries(parsed.data.widths).filter(([id]) => known.has(id));
  const visible = Object.entries(parsed.data.visible).filter(([id]) => known.has(id) && known.get(id)?.required !== true);
  return { widths: Object.fromEntries(widths), visible: Object.fromEntries(visible) };
}

/** Whether a column shows under a layout: the admin's choice, else the column's default. */
export function isColumnVisible(column: GridColumn<never>, layout: GridLayout): boolean {
  if (column.required === true) return true;
  return layout.visible[column.id] ?? column.hidden !== true;
}

/** A width kept within the bounds, as a whole number of pixels. */
export function clampColumnWidth(width: number): number {
  return Math.round(Math.min(Math.max(width, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH));
}

/** The layout with one column's width set (clamped). */
export function withColumnWidth(layout: GridLayout, id: string, width: number): GridLayout {
  return { ...layout, widths: { ...layout.widths, [id]: clampColumnWidth(width) } };
}

/** The layout with one column shown or hidden. */
export function withColumnVisible(layout: GridLayout, id: string, visible: boolean): GridLayout {
  return { ...layout, visible: { ...layout.visible, [id]: visible } };
}

/**
 * The CSS grid tracks of the visible columns, and the width below which the grid scrolls.
 *
 * A column the admin sized gets exactly that many pixels; the others keep their flexible
 * track. The minimum adds up each track's least width, so sized columns push the grid wider
 * (it scrolls sideways) instead of squeezing rows out of line with the header.
 */
export function gridTracks(
  columns: readonly GridColumn<never>[],
  layout: GridLayout,
  declaredMinimum: string | undefined,
): { template: string; minWidth: string } {
  const tracks = columns.map((column) => {
    const width = layout.widths[column.id];
    return width === undefined ? { track: column.width, least: trackMinimum(column.width) } : { track: `${String(width)}px`, least: `${String(width)}px` };
  });
  const sum = `calc(${tracks.map((entry) => entry.least).join(' + ') || '0px'})`;
  return { template: tracks.map((entry) => entry.track).join(' '), minWidth: declaredMinimum === undefined ? sum : `max(${declaredMinimum}, ${sum})` };
}

/** The least size of a CSS track: a `minmax()`'s first part, a fixed length itself, else nothing. */
export function trackMinimum(track: string): string {
  const minmax = /^minmax\(\s*([\d.]+(?:px|rem|em|ch))\s*,/.exec(track);
  if (minmax?.[1] !== undefined) return minmax[1];
  return /^[\d.]+(?:px|rem|em|ch)$/.test(track.trim()) ? track.trim() : '0px';
}
