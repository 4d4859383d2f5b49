import { createElement, type ReactNode } from 'react';
import type { AuthorizedAccount } from '../../../contract/index.ts';
import { isColumnVisible } from '../../components/virtual-grid/grid-layout.ts';
import { rememberedGridLayout } from '../../components/virtual-grid/grid-layout-memory.ts';
import type { GridColumn } from '../../components/virtual-grid/grid-types.ts';
import { formatDateTime } from '../../format/date-time.ts';
import { SERVER_COLUMNS, cellText, type ServerColumn } from '../../stores/servers-selectors.ts';
import { renderServerAccount, renderServerDescription, renderSidTail } from './server-account-cells.tsx';
import { RoleCell } from './super-user-badge.tsx';

const LABELS: Readonly<Record<ServerColumn, string>> = {
  account: 'Account',
  role: 'Role',
  kind: 'Object type',
  sid: 'SID',
  addedBy: 'Added by',
  addedAt: 'Added on',
};

// The account is what the admin reads, so it takes the room; a SID is cut at its start (its
// end tells a domain's SIDs apart) and shown whole in its tooltip.
const WIDTHS: Readonly<Record<ServerColumn, string>> = {
  account: 'minmax(16rem, 3fr)',
  // Room for "Exchange Server" and its "Super user · N accounts" button.
  role: 'minmax(20rem, 1.6fr)',
  kind: 'minmax(7rem, 0.7fr)',
  sid: 'minmax(9rem, 1.2fr)',
  addedBy: 'minmax(9rem, 1fr)',
  addedAt: 'minmax(10rem, 1fr)',
};

const CELLS: Partial<Record<ServerColumn, (entry: AuthorizedAccount) => ReactNode>> = {
  account: renderServerAccount,
  role: (entry) => createElement(RoleCell, { entry }),
  sid: renderSidTail,
};

/** The Description column: the account's description from the directory, hidden until chosen. */
const DESCRIPTION_COLUMN: GridColumn<AuthorizedAccount> = {
  id: 'description',
  label: 'Description',
  width: 'minmax(12rem, 2fr)',
  hidden: true,
  text: () => '',
  render: renderServerDescription,
};

/** The servers grid's name for its remembered column layout. */
export const SERVER_GRID_LAYOUT_ID = 'servers';

/** Below this width the servers grid scrolls sideways. */
export const SERVER_GRID_MIN_WIDTH = '72rem';

/**
 * The servers grid's columns: the same texts the filter searches and the sort compares.
 *
 * Only "Added on" differs from its sort key: it is sorted by instant and shown in local time.
 */
export const SERVER_GRID_COLUMNS: readonly GridColumn<AuthorizedAccount>[] = [
  ...SERVER_COLUMNS.map((column) => ({
    id: column,
    label: LABELS[column],
    width: WIDTHS[column],
    text: column === 'addedAt' ? (entry: AuthorizedAccount) => formatDateTime(entry.addedAt) : (entry: AuthorizedAccount) => cellText(entry, column),
    ...(CELLS[column] ? { render: CELLS[column] } : {}),
    ...(column === 'account' ? { required: true } : {}),
  })),
  DESCRIPTION_COLUMN,
];

/** The server column with this id, if any (grid headers report plain strings). */
export function asServerColumn(id: string): ServerColumn | undefined {
  return SERVER_COLUMNS.find((column) => column === id);
}

/** The columns the admin shows now (Columns…), in order: what Ctrl+C copies, as Windows lists copy what they show. */
export function shownServerColumns(): readonly GridColumn<AuthorizedAccount>[] {
  const layout = rememberedGridLayout(SERVER_GRID_LAYOUT_ID, SERVER_GRID_COLUMNS);
  return SERVER_GRID_COLUMNS.filter((column) => isColumnVisible(column, layout));
}
