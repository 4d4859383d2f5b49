import type { ReactNode } from 'react';

/** One column of a {@link VirtualGrid}: its header and how a row shows in it. */
export type GridColumn<Row> = {
  readonly id: string;
  readonly label: string;
  /** The cell's text (also its tooltip, since long values are cut with an ellipsis). */
  readonly text: (row: Row) => string;
  /** What the cell shows when more than its text (an icon, a marker); the text stays the tooltip. */
  readonly render?: (row: Row) => ReactNode;
  /** A CSS grid track, such as `minmax(12rem, 2fr)`, until the admin sizes the column. */
  readonly width: string;
  readonly className?: string;
  /** Hidden until the admin shows it with "Columns…". */
  readonly hidden?: boolean;
  /** The column that names the row: it cannot be hidden. */
  readonly required?: boolean;
};

/** Which column a grid is sorted by, and which way. */
export type GridSort = { readonly column: string; readonly direction: 'ascending' | 'descending' };

/** Where keyboard focus lives in a grid: a header cell, or the rows. */
export type GridFocus = { readonly area: 'header'; readonly column: number } | { readonly area: 'rows' };
