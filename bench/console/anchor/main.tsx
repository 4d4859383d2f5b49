import {
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  FluentProvider,
  webLightTheme,
  type TableColumnDefinition,
  type TableRowId,
} from '@fluentui/react-components';
import { StrictMode, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { createRoot } from 'react-dom/client';

type Entry = { id: string; account: string; role: string; kind: string; sid: string; addedBy: string; addedAt: string };

const ROLES = ['Exchange Server', 'SharePoint Server', 'File server using FCI'];

/** 50 entries shaped like the console's list, generated in the page (no bridge, no I/O). */
const entries: Entry[] = Array.from({ length: 50 }, (_unused, index) => ({
  id: String(index),
  account: `CORP\\anchor.entry.${String(index + 1).padStart(5, '0')}`,
  role: ROLES[index % ROLES.length] ?? 'SharePoint Server',
  kind: 'user',
  sid: `S-1-5-21-1004336348-1177238915-682003330-${String(20_000 + index)}`,
  addedBy: 'alice@corp.contoso.test',
  addedAt: new Date(Date.UTC(2026, 10, 22, 8, 0, index)).toLocaleString(),
}));

const column = (id: keyof Entry, title: string): TableColumnDefinition<Entry> =>
  createTableColumn<Entry>({ columnId: id, compare: (a, b) => a[id].localeCompare(b[id]), renderHeaderCell: () => title, renderCell: (item) => item[id] });

const columns = [
  column('account', 'Account'),
  column('role', 'Role'),
  column('kind', 'Object type'),
  column('sid', 'SID'),
  column('addedBy', 'Added by'),
  column('addedAt', 'Added on'),
];

/**
 * The benchmark's anchor: Fluent's DataGrid with the console's columns and 50 rows, single
 * selection that follows focus, ArrowUp/ArrowDown moving focus between rows (as the console's
 * own grid does), and nothing else — the floor the console's servers view is compared with.
 */
function AnchorGrid() {
  const [selected, setSelected] = useState<ReadonlySet<TableRowId>>(new Set());
  return (
    <DataGrid
      items={entries}
      columns={columns}
      getRowId={(item: Entry) => item.id}
      selectionMode="single"
      selectedItems={selected}
      onSelectionChange={(_event, data) => {
        setSelected(data.selectedItems);
      }}
      focusMode="row_unstable"
      aria-label="Servers allowed to utilize the connector"
    >
      <DataGridHeader>
        <DataGridRow selectionCell={{ checkboxIndicator: { 'aria-label': 'Select all rows' } }}>
          {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<Entry>>
        {({ item, rowId }) => (
          <DataGridRow<Entry>
            key={rowId}
            selectionCell={{ radioIndicator: { 'aria-label': `Select ${item.account}` } }}
            onFocus={(event: FocusEvent<HTMLDivElement>) => {
              if (event.target === event.currentTarget) setSelected(new Set([rowId]));
            }}
            onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
              const next =
                event.key === 'ArrowDown'
                  ? event.currentTarget.nextElementSibling
                  : event.key === 'ArrowUp'
                    ? event.currentTarget.previousElementSibling
                    : null;
              if (next instanceof HTMLElement) {
                event.preventDefault();
                next.focus();
              }
            }}
          >
            {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <AnchorGrid />
      </FluentProvider>
    </StrictMode>,
  );
}
