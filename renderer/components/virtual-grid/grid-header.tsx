import { mergeClasses } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import type { KeyboardEvent, PointerEvent } from 'react';
import { nextColumnIndex } from './grid-keyboard.ts';
import { useGridStyles } from './grid-styles.ts';
import type { GridColumn, GridSort } from './grid-types.ts';

/** How far Alt+Left/Right changes a column's width, in pixels. */
export const KEYBOARD_RESIZE_STEP = 16;

/** Props of {@link GridHeader}. */
export type GridHeaderProps<Row> = {
  readonly columns: readonly GridColumn<Row>[];
  readonly template: string;
  readonly minWidth: string | undefined;
  readonly sort: GridSort | undefined;
  readonly onSort: ((column: string) => void) | undefined;
  /** Whether the header cells take focus (Arrow Up from the first row; a sortable or resizable grid). */
  readonly focusable: boolean;
  /** Whether the header is also a tab stop of its own (a sortable grid). */
  readonly tabStop: boolean;
  /** Set a column's width in pixels (dragging, Alt+arrows); absent, columns keep their size. */
  readonly onResize: ((column: string, width: number) => void) | undefined;
  /** Fit a column to its widest cell (double-click on its divider). */
  readonly onAutoFit: ((column: string, index: number) => void) | undefined;
  /** The element describing how to resize from the keyboard. */
  readonly describedBy: string | undefined;
  /** The header cell holding the header's tab stop. */
  readonly focusColumn: number;
  readonly onFocusColumn: (column: number) => void;
  /** Arrow Down leaves the header for the rows. */
  readonly onLeave: () => void;
};

/**
 * The column headers of a virtual grid: one tab stop, arrows between cells, Enter/Space sorts.
 *
 * Each header is the focusable cell itself (no button inside), so the grid has no nested
 * interactive controls and `aria-sort` sits on the element a screen reader announces. The
 * divider at a header's right edge is for the mouse (drag to size, double-click to fit);
 * the keyboard sizes the focused column with Alt+Left and Alt+Right.
 */
export function GridHeader<Row>(props: GridHeaderProps<Row>) {
  const styles = useGridStyles();
  const { columns, sort, onSort, onResize } = props;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const column = columns[index];
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      props.onLeave();
      return;
    }
    if (onResize && column && event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      const step = event.key === 'ArrowRight' ? KEYBOARD_RESIZE_STEP : -KEYBOARD_RESIZE_STEP;
      onResize(column.id, event.currentTarget.getBoundingClientRect().width + step);
      return;
    }
    if (onSort && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      if (column) onSort(column.id);
      return;
    }
    const next = nextColumnIndex(event.key, index, columns.length);
    if (next === undefined) return;
    event.preventDefault();
    props.onFocusColumn(next);
    const row = event.currentTarget.parentElement;
    (row?.children[next] as HTMLElement | undefined)?.focus();
  };

  const startDrag = (event: PointerEvent<HTMLDivElement>, column: string) => {
    if (!onResize || event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    const handle = event.currentTarget;
    const cell = handle.parentElement;
    if (!cell) return;
    const startX = event.clientX;
    const startWidth = cell.getBoundingClientRect().width;
    handle.setPointerCapture(event.pointerId);
    const move = (moved: globalThis.PointerEvent) => {
      onResize(column, startWidth + moved.clientX - startX);
    };
    const stop = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', stop);
      handle.removeEventListener('pointercancel', stop);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', stop);
    handle.addEventListener('pointercancel', stop);
  };

  return (
    <div role="rowgroup" className={styles.head} style={{ minWidth: props.minWidth }}>
      <div role="row" aria-rowindex={1} className={styles.headerRow} style={{ gridTemplateColumns: props.template }}>
        {columns.map((column, index) => {
          const direction = sort?.column === column.id ? sort.direction : undefined;
          return (
            <div
              key={column.id}
              role="columnheader"
              data-column={column.id}
              aria-colindex={index + 1}
              aria-sort={direction ?? (onSort ? 'none' : undefined)}
              aria-describedby={props.describedBy}
              tabIndex={props.focusable ? (props.tabStop && index === props.focusColumn ? 0 : -1) : undefined}
              className={mergeClasses(styles.headerCell, onSort && styles.sortable)}
              onClick={() => {
                props.onFocusColumn(index);
                onSort?.(column.id);
              }}
              onKeyDown={(event) => {
                onKeyDown(event, index);
              }}
            >
              <span className={styles.headerLabel}>{column.label}</span>
              {direction === 'ascending' && <ArrowSortUpRegular />}
              {direction === 'descending' && <ArrowSortDownRegular />}
              {onResize && (
                <div
                  aria-hidden
                  className={styles.resizeHandle}
                  onClick={(event) => {
                    event.stopPropagation();
                  }}
                  onPointerDown={(event) => {
                    startDrag(event, column.id);
                  }}
                  onDoubleClick={(event) => {
                    event.stopPropagation();
                    props.onAutoFit?.(column.id, index);
                  }}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
