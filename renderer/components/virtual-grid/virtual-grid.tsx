import { mergeClasses, useRestoreFocusTarget } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { GridHeader } from './grid-header.tsx';
import { nextRowIndex, withActiveRow } from './grid-keyboard.ts';
import { HEADER_HEIGHT, ROW_HEIGHT, useGridStyles } from './grid-styles.ts';
import type { GridColumn, GridSort } from './grid-types.ts';

/** Props of {@link VirtualGrid}. */
export type VirtualGridProps<Row> = {
  readonly label: string;
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  readonly columns: readonly GridColumn<Row>[];
  readonly className?: string;
  /** Width below which the grid scrolls sideways instead of squeezing its columns. */
  readonly minWidth?: string;
  readonly sort?: GridSort;
  readonly onSort?: (column: string) => void;
  /** With `onSelect`, rows are single-selectable (`aria-selected`); without, only focusable. */
  readonly selectedKey?: string | undefined;
  readonly onSelect?: (key: string) => void;
  /** Open a row's details (double-click or Enter), as Windows lists open Properties. */
  readonly onRowOpen?: (row: Row) => void;
  /** Any other key on a row (Delete, Enter…), after the grid's own navigation keys. */
  readonly onRowKeyDown?: (row: Row, event: KeyboardEvent<HTMLDivElement>) => void;
};

/**
 * A virtualized ARIA grid styled like a Fluent DataGrid, for lists of thousands of rows.
 *
 * Fluent's DataGrid renders every row; this renders only the visible window (plus the active
 * row, so focus survives scrolling). The rows are one tab stop with roving focus: arrows,
 * Page Up/Down, Home and End move it, scrolling the row into view, and select it in a
 * selectable grid. Rows carry `aria-rowindex` so screen readers count the whole list.
 */
export function VirtualGrid<Row>(props: VirtualGridProps<Row>) {
  const styles = useGridStyles();
  const { rows, rowKey, columns, onSelect } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [headerColumn, setHeaderColumn] = useState(0);
  const pendingFocus = useRef(false);
  const restoreFocusTarget = useRestoreFocusTarget();
  const template = columns.map((column) => column.width).join(' ');
  const selectedIndex = props.selectedKey === undefined ? -1 : rows.findIndex((row) => rowKey(row) === props.selectedKey);
  const activeIndex = Math.min(selectedIndex >= 0 ? selectedIndex : active, rows.length - 1);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // flushSync from the virtualizer's mount effect warns under React 19; with fixed row
    // heights and a generous overscan, plain batched renders keep scrolling smooth.
    useFlushSync: false,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (index) => (rows[index] ? rowKey(rows[index]) : index),
    rangeExtractor: useCallback(
      (range: { startIndex: number; endIndex: number; overscan: number; count: number }) => {
        const start = Math.max(range.startIndex - range.overscan, 0);
        const end = Math.min(range.endIndex + range.overscan, range.count - 1);
        const indexes = Array.from({ length: Math.max(end - start + 1, 0) }, (_unused, offset) => start + offset);
        return withActiveRow(indexes, activeIndex, range.count);
      },
      [activeIndex],
    ),
  });

  // A layout effect: focus must follow before the next key arrives, or a fast typist's
  // keys would act on the row they just left.
  useLayoutEffect(() => {
    if (!pendingFocus.current) return;
    pendingFocus.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${String(activeIndex)}"]`)?.focus({ preventScroll: true });
  });

  const moveTo = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setActive(index);
    if (onSelect) onSelect(rowKey(row));
    pendingFocus.current = true;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const row = rows[index];
    if (!row) return;
    if (event.key === 'ArrowUp' && index === 0 && props.onSort) {
      event.preventDefault();
      scrollRef.current?.querySelector<HTMLElement>(`[role="columnheader"][aria-colindex="${String(headerColumn + 1)}"]`)?.focus();
      return;
    }
    const pageSize = Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT);
    const next = nextRowIndex(event.key, index, rows.length, pageSize);
    if (next !== undefined) {
      event.preventDefault();
      moveTo(next);
      return;
    }
    if (event.key === ' ' && onSelect) {
      event.preventDefault();
      onSelect(rowKey(row));
      return;
    }
    if (event.key === 'Enter' && props.onRowOpen) {
      event.preventDefault();
      props.onRowOpen(row);
      return;
    }
    props.onRowKeyDown?.(row, event);
  };

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      className={mergeClasses(styles.grid, props.className)}
    >
      <GridHeader
        columns={columns}
        template={template}
        minWidth={props.minWidth}
        sort={props.sort}
        onSort={props.onSort}
        focusColumn={headerColumn}
        onFocusColumn={setHeaderColumn}
        onLeave={() => {
          moveTo(Math.max(activeIndex, 0));
        }}
      />
      <div role="rowgroup" className={styles.body} style={{ height: `${String(virtualizer.getTotalSize())}px`, minWidth: props.minWidth }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          const selected = onSelect ? item.index === selectedIndex : undefined;
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selected}
              data-index={item.index}
              tabIndex={item.index === activeIndex ? 0 : -1}
              className={mergeClasses(styles.row, selected === true && styles.selected)}
              style={{ gridTemplateColumns: template, transform: `translateY(${String(item.start - HEADER_HEIGHT)}px)` }}
              {...restoreFocusTarget}
              onFocus={() => {
                setActive(item.index);
              }}
              onClick={() => {
                setActive(item.index);
                onSelect?.(rowKey(row));
              }}
              onMouseDown={(event) => {
                // A double-click opens the row; it should not also select a word of it.
                if (event.detail > 1 && props.onRowOpen) event.preventDefault();
              }}
              onDoubleClick={() => {
                props.onRowOpen?.(row);
              }}
              onKeyDown={(event) => {
                onKeyDown(event, item.index);
              }}
            >
              {columns.map((column, columnIndex) => {
                const text = column.text(row);
                return (
                  <div key={column.id} role="gridcell" aria-colindex={columnIndex + 1} className={mergeClasses(styles.cell, column.className)} title={text}>
                    {text}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
