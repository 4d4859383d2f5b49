import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, type JSX, type KeyboardEvent } from 'react';
import type { DirectoryObject } from '../../../contract/index.ts';
import { objectTypeLabel } from './object-types.ts';

const ROW_HEIGHT = 32;
/** How close to the last loaded row the admin may scroll before the next page is asked for. */
const NEAR_END_ROWS = 20;

const useStyles = makeStyles({
  grid: { border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  row: {
    display: 'grid',
    gridTemplateColumns: '1.6fr 1.2fr 1fr 2.2fr',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    paddingInline: tokens.spacingHorizontalS,
    boxSizing: 'border-box',
  },
  header: { height: `${ROW_HEIGHT}px`, fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  body: { overflowY: 'auto', position: 'relative' },
  item: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    cursor: 'default',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected } },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

/** What {@link ObjectGrid} shows and reports. */
export type ObjectGridProps = {
  readonly label: string;
  readonly objects: readonly DirectoryObject[];
  readonly selectedSid: string | undefined;
  readonly onSelect: (object: DirectoryObject) => void;
  /** Enter or double-click on a row: the dialog's OK. */
  readonly onActivate: (object: DirectoryObject) => void;
  /** Called when the admin scrolls near the last loaded row (more may be paged in). */
  readonly onNearEnd?: () => void;
  /** False while more rows may come: the row count is then announced as unknown. */
  readonly complete?: boolean;
  readonly height?: number;
};

/**
 * A single-selection ARIA grid of directory objects (Name, Type, In Folder), virtualized.
 *
 * A search may return thousands of objects, and Fluent's DataGrid renders every row; this
 * grid renders only the visible ones, keeps the selected row rendered so it stays the one tab
 * stop, and moves selection with the arrow keys the way the Windows object picker does.
 */
export function ObjectGrid(props: ObjectGridProps): JSX.Element {
  const { objects, selectedSid, onSelect, onActivate, onNearEnd } = props;
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | undefined>(undefined);
  const selectedIndex = objects.findIndex((object) => object.sid === selectedSid);
  const activeIndex = Math.max(selectedIndex, 0);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return activeIndex < range.count && !indexes.includes(activeIndex) ? [...indexes, activeIndex].sort((a, b) => a - b) : indexes;
    },
    [activeIndex],
  );
  const height = props.height ?? 240;
  // initialRect: rows exist on the first render, so a dialog opening on the grid can focus one.
  // useFlushSync false: the virtualizer's flushSync from its mount effect warns under React 19.
  const virtualizer = useVirtualizer({
    count: objects.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    rangeExtractor,
    initialRect: { width: 0, height },
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const lastRendered = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (onNearEnd && objects.length > 0 && lastRendered >= objects.length - NEAR_END_ROWS) onNearEnd();
  }, [lastRendered, objects.length, onNearEnd]);

  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === undefined) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) {
      pendingFocus.current = undefined;
      row.focus();
    }
  });

  const moveTo = (from: number, to: number) => {
    const index = Math.max(0, Math.min(objects.length - 1, to));
    const object = objects[index];
    if (!object || index === from) return;
    pendingFocus.current = index;
    virtualizer.scrollToIndex(index);
    onSelect(object);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, object: DirectoryObject) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const targets: Partial<Record<string, number>> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: objects.length - 1,
      PageDown: index + page,
      PageUp: index - page,
    };
    const target = targets[event.key];
    if (target !== undefined) moveTo(index, target);
    else if (event.key === 'Enter') onActivate(object);
    else if (event.key === ' ') onSelect(object);
    else return;
    event.preventDefault();
  };

  return (
    <div role="grid" aria-label={props.label} aria-rowcount={props.complete === false ? -1 : objects.length + 1} aria-colcount={4} className={styles.grid}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.header)}>
          <div role="columnheader">Name</div>
          <div role="columnheader">Logon name</div>
          <div role="columnheader">Type</div>
          <div role="columnheader">In Folder</div>
        </div>
      </div>
      <div role="rowgroup" ref={scrollRef} className={styles.body} style={{ height: `${String(height)}px` }}>
        <div role="presentation" style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
          {items.map((item) => {
            const object = objects[item.index];
            if (!object) return null;
            const selected = object.sid === selectedSid;
            return (
              <div
                key={item.key}
                role="row"
                data-index={item.index}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                tabIndex={item.index === activeIndex ? 0 : -1}
                className={mergeClasses(styles.row, styles.item, selected && styles.selected)}
                style={{ height: `${ROW_HEIGHT}px`, transform: `translateY(${item.start}px)` }}
                onClick={() => {
                  onSelect(object);
                }}
                onFocus={(event) => {
                  // Selection follows focus: tabbing into a grid with nothing selected selects the row.
                  if (selectedIndex < 0 && event.target === event.currentTarget) onSelect(object);
                }}
                onDoubleClick={() => {
                  onActivate(object);
                }}
                onKeyDown={(event) => {
                  onKeyDown(event, item.index, object);
                }}
              >
                <div role="gridcell" className={styles.cell} title={object.name}>
                  {object.name}
                </div>
                <div role="gridcell" className={styles.cell} title={object.samAccountName}>
                  {object.samAccountName ?? ''}
                </div>
                <div role="gridcell" className={styles.cell}>
                  {objectTypeLabel(object)}
                </div>
                <div role="gridcell" className={styles.cell} title={object.inFolder}>
                  {object.inFolder}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
