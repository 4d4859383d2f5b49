import { useStore } from 'zustand';
import type { AuthorizedAccount } from '../../../contract/index.ts';
import { VirtualGrid } from '../../components/virtual-grid/virtual-grid.tsx';
import { nextSort } from '../../stores/servers-selectors.ts';
import { useStores } from '../../stores/stores-context.tsx';
import { useOpenAccountProperties } from '../properties/use-account-properties.ts';
import { RowContextMenu } from './row-context-menu.tsx';
import { rowsAsText, writeClipboard } from './rows-as-text.ts';
import { SERVER_GRID_COLUMNS, SERVER_GRID_MIN_WIDTH, asServerColumn, SERVER_GRID_LAYOUT_ID, shownServerColumns } from './server-columns.ts';
import { isContextMenuKey, rowOfEvent, useRowMenu } from './use-row-menu.ts';

const NOT_COPIED = 'The clipboard could not be used here; nothing was copied.';

/**
 * The servers grid as a Windows list: the rows, their context menu and their keys.
 *
 * Right-click, Shift+F10 or the Menu key open Properties, Members (a group's), Copy SID, Copy
 * name, Remove; Enter or a double-click opens Properties; Delete asks to remove the selected
 * row; Ctrl+C copies it with a header, tab-separated. The page owns the confirmation and the
 * status line; `onFocusLost` puts focus back on the list when a closed menu left it nowhere.
 */
export function ServersGrid(props: {
  readonly className: string;
  readonly rows: readonly AuthorizedAccount[];
  readonly onRemove: (entry: AuthorizedAccount) => void;
  readonly onStatus: (status: string) => void;
  readonly onFocusLost: () => void;
}) {
  const { rows, onRemove, onStatus } = props;
  const { servers } = useStores();
  const sort = useStore(servers, (state) => state.sort);
  const selectedId = useStore(servers, (state) => state.selectedId);
  const rowMenu = useRowMenu();
  const openAccountProperties = useOpenAccountProperties();
  const openProperties = (entry: AuthorizedAccount, section: 'general' | 'members') => {
    openAccountProperties({ sid: entry.sid, name: entry.name, section });
  };
  const copy = async (text: string, what: string) => {
    onStatus((await writeClipboard(text)) ? `Copied ${what} to the clipboard.` : NOT_COPIED);
  };
  const menuEntry = rowMenu.menu?.entry;
  return (
    <>
      <div
        onContextMenu={(event) => {
          const entry = rowOfEvent(event, rows);
          if (!entry) return;
          event.preventDefault();
          servers.getState().select(entry.id);
          rowMenu.openAtPointer(entry, event);
        }}
        onDoubleClick={(event) => {
          const entry = rowOfEvent(event, rows);
          if (entry) openProperties(entry, 'general');
        }}
      >
        <VirtualGrid
          label="Servers allowed to utilize the connector"
          className={props.className}
          layoutId={SERVER_GRID_LAYOUT_ID}
          minWidth={SERVER_GRID_MIN_WIDTH}
          rows={rows}
          rowKey={(entry) => entry.id}
          columns={SERVER_GRID_COLUMNS}
          sort={sort}
          onSort={(id) => {
            const column = asServerColumn(id);
            if (column) servers.getState().setSort(nextSort(servers.getState().sort, column));
          }}
          selectedKey={selectedId}
          onSelect={(id) => {
            servers.getState().select(id);
          }}
          onRowKeyDown={(entry, event) => {
            if (event.key === 'Delete' && entry.id === selectedId) {
              event.preventDefault();
              onRemove(entry);
            } else if (event.key === 'Enter') {
              event.preventDefault();
              openProperties(entry, 'general');
            } else if (isContextMenuKey(event)) {
              event.preventDefault();
              servers.getState().select(entry.id);
              rowMenu.openAtRow(entry, event.currentTarget);
            } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c') {
              event.preventDefault();
              const selected = rows.find((row) => row.id === selectedId) ?? entry;
              void copy(rowsAsText(shownServerColumns(), [selected]), '1 row');
            }
          }}
        />
      </div>
      <RowContextMenu
        entry={menuEntry}
        anchor={rowMenu.menu?.anchor}
        actions={
          menuEntry && {
            properties: () => {
              openProperties(menuEntry, 'general');
            },
            // A group's members are on the properties panel's Members tab; an account has none.
            members:
              menuEntry.kind === 'group'
                ? () => {
                    openProperties(menuEntry, 'members');
                  }
                : undefined,
            copySid: () => void copy(menuEntry.sid, `the SID of ${menuEntry.name}`),
            copyName: () => void copy(menuEntry.name, menuEntry.name),
            remove: () => {
              onRemove(menuEntry);
            },
          }
        }
        onClose={() => {
          rowMenu.close();
          // Escape or a click elsewhere: back to the row, unless an item opened something that took focus.
          window.setTimeout(() => {
            const active = document.activeElement;
            if (active === null || active === document.body || active.closest('[role="menu"]')) props.onFocusLost();
          }, 0);
        }}
      />
    </>
  );
}
