import { Text, mergeClasses, useId, useRestoreFocusTarget } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { ColumnChooser } from './column-chooser.tsx';
import { GridHeader } from './grid-header.tsx';
import { nextRowIndex, withActiveRow } from './grid-keyboard.ts';
import { clampColumnWidth, gridTracks, isColumnVisible, withColumnWidth } from './grid-layout.ts';
import { selectionAfter } from './grid-selection.ts';
import { HEADER_HEIGHT, ROW_HEIGHT, useGridStyles } from './grid-styles.ts';
import type { GridColumn, GridSort } from './grid-types.ts';
import { useGridLayout } from './use-grid-layout.ts';

/** How close to the last row the admin may scroll before `onNearEnd` asks for more. */
const NEAR_END_ROWS = 20;

/** Props of {@link VirtualGrid}. */
export type VirtualGridProps<Row> = {
  readonly label: string;
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  readonly columns: readonly GridColumn<Row>[];
  readonly className?: string;
  /** Width below which the grid scrolls sideways instead of squeezing its columns. */
  readonly minWidth?: string;
  /**
   * Names the grid's remembered column layout: with it, columns can be sized (mouse and
   * Alt+arrows) and chosen with "Columns…", and both are kept between sessions.
   */
  readonly layoutId?: string;
  /** Size columns without remembering them (and without "Columns…"). */
  readonly resizable?: boolean;
  readonly rowHeight?: number;
  /** The grid's height in pixels, when its class does not set one. */
  readonly height?: number;
  readonly sort?: GridSort;
  readonly onSort?: (column: string) => void;
  /** With `onSelect`, rows are single-selectable (`aria-selected`); without, only focusable. */
  readonly selectedKey?: string | undefined;
  readonly onSelect?: (key: string) => void;
  /** With `onSelectKeys`, rows are multi-selectable: Ctrl/Shift with click or arrows, Ctrl+A. */
  readonly selectedKeys?: ReadonlySet<string>;
  readonly onSelectKeys?: (keys: ReadonlySet<string>) => void;
  /** Focus arriving on the rows with nothing selected selects the focused row (dialog lists). */
  readonly selectOnFocus?: boolean;
  /** Enter or double-click on a row (a dialog's OK). */
  readonly onActivate?: (row: Row) => void;
  /** The admin scrolled near the last row: more may be paged in. */
  readonly onNearEnd?: () => void;
  /** False while more rows may come: the row count is then announced as unknown. */
  readonly complete?: boolean;
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
  const { rows, rowKey, onSelect, onSelectKeys, onActivate, onNearEnd } = props;
  const rowHeight = props.rowHeight ?? ROW_HEIGHT;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [anchor, setAnchor] = useState(-1);
  const [headerColumn, setHeaderColumn] = useState(0);
  const pendingFocus = useRef(false);
  const restoreFocusTarget = useRestoreFocusTarget();
  const hintId = useId('grid-resize-hint-');
  const allColumns = useMemo(() => withNamingColumn(props.columns), [props.columns]);
  const [layout, setLayout] = useGridLayout(props.layoutId, allColumns);
  const resizable = props.layoutId !== undefined || props.resizable === true;
  const columns = useMemo(() => allColumns.filter((column) => isColumnVisible(column, layout)), [allColumns, layout]);
  const tracks = gridTracks(columns, resizable ? layout : { widths: {}, visible: {} }, props.minWidth);
  const minWidth = resizable ? tracks.minWidth : props.minWidth;
  const multi = onSelectKeys !== undefined;
  const selectedKeys = multi ? (props.selectedKeys ?? new Set<string>()) : new Set(props.selectedKey === undefined ? [] : [props.selectedKey]);
  const selectedIndex = props.selectedKey === undefined ? -1 : rows.findIndex((row) => rowKey(row) === props.selectedKey);
  const activeIndex = Math.min(!multi && selectedIndex >= 0 ? selectedIndex : active, rows.length - 1);
  const headerFocusable = props.onSort !== undefined || resizable;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    // initialRect: rows exist on the first render, so a dialog opening on the grid can focus one.
    initialRect: { width: 0, height: props.height ?? 0 },
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
  const items = virtualizer.getVirtualItems();
  const lastRendered = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (onNearEnd && rows.length > 0 && lastRendered >= rows.length - NEAR_END_ROWS) onNearEnd();
  }, [lastRendered, rows.length, onNearEnd]);

  // A layout effect: focus must follow before the next key arrives, or a fast typist's
  // keys would act on the row they just left.
  useLayoutEffect(() => {
    if (!pendingFocus.current) return;
    pendingFocus.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${String(activeIndex)}"]`)?.focus({ preventScroll: true });
  });

  const select = (index: number, gesture: { toggle: boolean; extend: boolean }) => {
    const row = rows[index];
    if (!row) return;
    if (!multi) {
      onSelect?.(rowKey(row));
      return;
    }
    const next = selectionAfter({ keys: selectedKeys, anchor }, rows.map(rowKey), { index, ...gesture });
    setAnchor(next.anchor);
    onSelectKeys(next.keys);
  };

  const moveTo = (index: number, gesture: { toggle: boolean; extend: boolean }) => {
    if (!rows[index]) return;
    setActive(index);
    // Ctrl+arrow moves focus alone (Space then toggles), as in Windows list views.
    if (!gesture.toggle) select(index, gesture);
    pendingFocus.current = true;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const row = rows[index];
    if (!row) return;
    if (event.key === 'ArrowUp' && index === 0 && headerFocusable) {
      event.preventDefault();
      scrollRef.current?.querySelector<HTMLElement>(`[role="columnheader"][aria-colindex="${String(headerColumn + 1)}"]`)?.focus();
      return;
    }
    if (multi && event.key.toLowerCase() === 'a' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSelectKeys(new Set(rows.map(rowKey)));
      return;
    }
    const pageSize = Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / rowHeight);
    const next = nextRowIndex(event.key, index, rows.length, pageSize);
    if (next !== undefined) {
      event.preventDefault();
      moveTo(next, { toggle: multi && event.ctrlKey, extend: multi && event.shiftKey });
      return;
    }
    if (event.key === ' ' && (onSelect || multi)) {
      event.preventDefault();
      select(index, { toggle: multi, extend: false });
      return;
    }
    if (event.key === 'Enter' && onActivate) {
      event.preventDefault();
      onActivate(row);
      return;
    }
    props.onRowKeyDown?.(row, event);
  };

  const onRowClick = (event: MouseEvent<HTMLDivElement>, index: number) => {
    setActive(index);
    select(index, { toggle: event.ctrlKey || event.metaKey, extend: event.shiftKey });
  };

  const autoFit = (id: string, index: number) => {
    const cells = scrollRef.current?.querySelectorAll<HTMLElement>(`[aria-colindex="${String(index + 1)}"]`) ?? [];
    const widest = Math.max(...[...cells].map((cell) => cell.scrollWidth));
    if (Number.isFinite(widest)) setLayout(withColumnWidth(layout, id, widest + 2));
  };

  return (
    <div className={styles.frame}>
      {props.layoutId !== undefined && (
        <div className={styles.frameBar}>
          <ColumnChooser columns={allColumns} layout={layout} onChange={setLayout} />
        </div>
      )}
      {resizable && (
        <Text id={hintId} className={styles.hint}>
          Alt+Left and Alt+Right arrow change the column width.
        </Text>
      )}
      <div
        ref={scrollRef}
        role="grid"
        aria-label={props.label}
        aria-multiselectable={multi ? true : undefined}
        aria-rowcount={props.complete === false ? -1 : rows.length + 1}
        aria-colcount={columns.length}
        className={mergeClasses(styles.grid, props.className)}
        style={props.height === undefined ? undefined : { height: `${String(props.height)}px` }}
      >
        <GridHeader
          columns={columns}
          template={tracks.template}
          minWidth={minWidth}
          sort={props.sort}
          onSort={props.onSort}
          focusable={headerFocusable}
          tabStop={props.onSort !== undefined}
          onResize={
            resizable
              ? (id, width) => {
                  setLayout(withColumnWidth(layout, id, clampColumnWidth(width)));
                }
              : undefined
          }
          onAutoFit={resizable ? autoFit : undefined}
          describedBy={resizable ? hintId : undefined}
          focusColumn={headerColumn}
          onFocusColumn={setHeaderColumn}
          onLeave={() => {
            moveTo(Math.max(activeIndex, 0), { toggle: multi, extend: false });
          }}
        />
        <div role="rowgroup" className={styles.body} style={{ height: `${String(virtualizer.getTotalSize())}px`, minWidth }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            const selected = onSelect || multi ? selectedKeys.has(rowKey(row)) : undefined;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                data-index={item.index}
                tabIndex={item.index === Math.max(activeIndex, 0) ? 0 : -1}
                className={mergeClasses(styles.row, selected === true && styles.selected)}
                style={{
                  gridTemplateColumns: tracks.template,
                  height: `${String(rowHeight)}px`,
                  transform: `translateY(${String(item.start - HEADER_HEIGHT)}px)`,
                }}
                {...restoreFocusTarget}
                onFocus={(event) => {
                  setActive(item.index);
                  if (props.selectOnFocus === true && selectedKeys.size === 0 && event.target === event.currentTarget)
                    select(item.index, { toggle: false, extend: false });
                }}
                onClick={(event) => {
                  onRowClick(event, item.index);
                }}
                onMouseDown={(event) => {
                  // A double-click opens the row; it should not also select a word of it.
                  if (event.detail > 1 && onActivate) event.preventDefault();
                }}
                onDoubleClick={() => {
                  onActivate?.(row);
                }}
                onKeyDown={(event) => {
                  onKeyDown(event, item.index);
                }}
              >
                {columns.map((column, columnIndex) => {
                  const text = column.text(row);
                  return (
                    <div key={column.id} role="gridcell" aria-colindex={columnIndex + 1} className={mergeClasses(styles.cell, column.className)} title={text}>
                      {column.render ? column.render(row) : text}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The columns with one that cannot be hidden: the one marked so, else the first (a grid never loses every column). */
function withNamingColumn<Row>(columns: readonly GridColumn<Row>[]): readonly GridColumn<Row>[] {
  const [first, ...rest] = columns;
  if (first === undefined || columns.some((column) => column.required === true)) return columns;
  return [{ ...first, required: true }, ...rest];
}
