import type { AuthorizedAccount } from '../../../contract/index.ts';
import type { GridColumn } from '../../components/virtual-grid/grid-types.ts';
import { formatDateTime } from '../../format/date-time.ts';
import { SERVER_COLUMNS, cellText, type ServerColumn } from '../../stores/servers-selectors.ts';

const LABELS: Readonly<Record<ServerColumn, string>> = {
  account: 'Account',
  role: 'Role',
  kind: 'Object type',
  sid: 'SID',
  addedBy: 'Added by',
  addedAt: 'Added on',
};

const WIDTHS: Readonly<Record<ServerColumn, string>> = {
  account: 'minmax(13rem, 2fr)',
  role: 'minmax(10rem, 1.1fr)',
  kind: 'minmax(7rem, 0.8fr)',
  // A domain's SIDs share everything but the last part, so the whole SID must fit.
  sid: 'minmax(25rem, 2.4fr)',
  addedBy: 'minmax(9rem, 1.1fr)',
  addedAt: 'minmax(10rem, 1.1fr)',
};

/** Below this width the servers grid scrolls sideways. */
export const SERVER_GRID_MIN_WIDTH = '74rem';

/**
 * The servers grid's columns: the same texts the filter searches and the sort compares.
 *
 * Only "Added on" differs from its sort key: it is sorted by instant and shown in local time.
 */
export const SERVER_GRID_COLUMNS: readonly GridColumn<AuthorizedAccount>[] = SERVER_COLUMNS.map((column) => ({
  id: column,
  label: LABELS[column],
  width: WIDTHS[column],
  text: column === 'addedAt' ? (entry: AuthorizedAccount) => formatDateTime(entry.addedAt) : (entry: AuthorizedAccount) => cellText(entry, column),
}));

/** The server column with this id, if any (grid headers report plain strings). */
export function asServerColumn(id: string): ServerColumn | undefined {
  return SERVER_COLUMNS.find((column) => column === id);
}
