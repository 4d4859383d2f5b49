import { mergeClasses } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import type { KeyboardEvent } from 'react';
import { nextColumnIndex } from './grid-keyboard.ts';
import { useGridStyles } from './grid-styles.ts';
import type { GridColumn, GridSort } from './grid-types.ts';

/** Props of {@link GridHeader}. */
export type GridHeaderProps<Row> = {
  readonly columns: readonly GridColumn<Row>[];
  readonly template: string;
  readonly minWidth: string | undefined;
  readonly sort: GridSort | undefined;
  readonly onSort: ((column: string) => void) | undefined;
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
 * interactive controls and `aria-sort` sits on the element a screen reader announces.
 */
export function GridHeader<Row>(props: GridHeaderProps<Row>) {
  const styles = useGridStyles();
  const { columns, sort, onSort } = props;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      props.onLeave();
      return;
    }
    if (onSort && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      const column = columns[index];
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

  return (
    <div role="rowgroup" className={styles.head} style={{ minWidth: props.minWidth }}>
      <div role="row" aria-rowindex={1} className={styles.headerRow} style={{ gridTemplateColumns: props.template }}>
        {columns.map((column, index) => {
          const direction = sort?.column === column.id ? sort.direction : undefined;
          return (
            <div
              key={column.id}
              role="columnheader"
              aria-colindex={index + 1}
              aria-sort={direction ?? (onSort ? 'none' : undefined)}
              tabIndex={onSort ? (index === props.focusColumn ? 0 : -1) : undefined}
              className={mergeClasses(styles.headerCell, onSort && styles.sortable)}
              onClick={() => {
                props.onFocusColumn(index);
                onSort?.(column.id);
              }}
              onKeyDown={(event) => {
                onKeyDown(event, index);
              }}
            >
              {column.label}
              {direction === 'ascending' && <ArrowSortUpRegular />}
              {direction === 'descending' && <ArrowSortDownRegular />}
            </div>
          );
        })}
      </div>
    </div>
  );
}
