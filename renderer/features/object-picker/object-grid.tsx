import type { JSX } from 'react';
import type { DirectoryObject } from '../../../contract/index.ts';
import { AccountName } from '../../components/account-name.tsx';
import type { GridColumn } from '../../components/virtual-grid/grid-types.ts';
import { VirtualGrid } from '../../components/virtual-grid/virtual-grid.tsx';
import { objectTypeLabel } from './object-types.ts';

const ROW_HEIGHT = 32;

/**
 * The picker's columns, as the Windows object picker has them, plus Description on demand.
 *
 * Name is the flexible column; In Folder is the canonical path that tells two John Smiths apart.
 */
export const OBJECT_GRID_COLUMNS: readonly GridColumn<DirectoryObject>[] = [
  {
    id: 'name',
    label: 'Name',
    width: 'minmax(10rem, 1.6fr)',
    required: true,
    text: (object) => object.name,
    render: (object) => <AccountName name={object.name} kind={object.kind} builtin={object.group?.scope === 'builtin-local'} disabled={object.disabled} />,
  },
  { id: 'logon', label: 'Logon name', width: 'minmax(7rem, 1.1fr)', text: (object) => object.samAccountName ?? '' },
  { id: 'type', label: 'Type', width: 'minmax(7rem, 1fr)', text: objectTypeLabel },
  { id: 'folder', label: 'In Folder', width: 'minmax(10rem, 2.2fr)', text: (object) => object.inFolder },
  { id: 'description', label: 'Description', width: 'minmax(10rem, 1.6fr)', hidden: true, text: (object) => object.description ?? '' },
];

/** What {@link ObjectGrid} shows and reports. */
export type ObjectGridProps = {
  readonly label: string;
  readonly objects: readonly DirectoryObject[];
  /** Names the remembered column layout (widths, columns shown). */
  readonly layoutId?: string;
  readonly columns?: readonly GridColumn<DirectoryObject>[];
  readonly minWidth?: string;
  readonly selectedSids: ReadonlySet<string>;
  readonly onSelectSids: (sids: ReadonlySet<string>) => void;
  /** Single selection only (the "Multiple names found" chooser). */
  readonly single?: boolean;
  /** Enter or double-click on a row: the dialog's OK. */
  readonly onActivate: (object: DirectoryObject) => void;
  /** Called when the admin scrolls near the last loaded row (more may be paged in). */
  readonly onNearEnd?: () => void;
  /** False while more rows may come: the row count is then announced as unknown. */
  readonly complete?: boolean;
  readonly height?: number;
};

/**
 * An ARIA grid of directory objects (Name, Logon name, Type, In Folder), virtualized.
 *
 * A search may return thousands of objects; the virtual grid renders only the visible ones.
 * Selection works as in the Windows object picker: click or arrows select one, Ctrl and
 * Shift add to it, Ctrl+A takes all, Enter or a double-click is OK.
 */
export function ObjectGrid(props: ObjectGridProps): JSX.Element {
  const { selectedSids, onSelectSids } = props;
  const first = [...selectedSids][0];
  return (
    <VirtualGrid
      label={props.label}
      rows={props.objects}
      rowKey={(object) => object.sid}
      columns={props.columns ?? OBJECT_GRID_COLUMNS}
      rowHeight={ROW_HEIGHT}
      height={props.height ?? 240}
      {...(props.minWidth === undefined ? {} : { minWidth: props.minWidth })}
      {...(props.layoutId === undefined ? { resizable: true } : { layoutId: props.layoutId })}
      {...(props.single === true
        ? {
            selectedKey: first,
            onSelect: (sid: string) => {
              onSelectSids(new Set([sid]));
            },
          }
        : { selectedKeys: selectedSids, onSelectKeys: onSelectSids })}
      selectOnFocus
      onActivate={props.onActivate}
      {...(props.onNearEnd ? { onNearEnd: props.onNearEnd } : {})}
      {...(props.complete === undefined ? {} : { complete: props.complete })}
    />
  );
}
