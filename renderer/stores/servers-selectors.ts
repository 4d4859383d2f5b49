import type { AuthorizedAccount } from '../../contract/index.ts';
import { kindLabel, roleLabel } from '../format/labels.ts';

/** The grid's columns, in display order. */
export const SERVER_COLUMNS = ['account', 'role', 'kind', 'sid', 'addedBy', 'addedAt'] as const;
/** One column of the servers grid. */
export type ServerColumn = (typeof SERVER_COLUMNS)[number];

/** Which column the list is sorted by, and which way. */
export type ServerSort = { readonly column: ServerColumn; readonly direction: 'ascending' | 'descending' };

/** The sort the list opens with: Account, A to Z. */
export const DEFAULT_SERVER_SORT: ServerSort = { column: 'account', direction: 'ascending' };

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The text of a cell, as shown and as filtered and sorted (one definition for all three).
 *
 * Sorting by what the admin reads keeps "Exchange Server" before "File server using FCI".
 */
export function cellText(entry: AuthorizedAccount, column: ServerColumn): string {
  switch (column) {
    case 'account':
      return entry.name;
    case 'role':
      return roleLabel(entry.role);
    case 'kind':
      return kindLabel(entry.kind);
    case 'sid':
      return entry.sid;
    case 'addedBy':
      return entry.addedBy;
    case 'addedAt':
      return entry.addedAt;
  }
}

/**
 * The entries whose account, role, type, SID or "added by" contain the text (any case).
 *
 * Blank text keeps everything; the same array comes back so memoized views stay put.
 */
export function filterEntries(entries: readonly AuthorizedAccount[], text: string): readonly AuthorizedAccount[] {
  const needle = text.trim().toLocaleLowerCase();
  if (needle === '') return entries;
  return entries.filter((entry) =>
    (['account', 'role', 'kind', 'sid', 'addedBy'] as const).some((column) => cellText(entry, column).toLocaleLowerCase().includes(needle)),
  );
}

function compareColumn(column: ServerColumn, left: AuthorizedAccount, right: AuthorizedAccount): number {
  if (column === 'addedAt') return Date.parse(left.addedAt) - Date.parse(right.addedAt);
  return collator.compare(cellText(left, column), cellText(right, column));
}

/**
 * A sorted copy of the entries; ties fall back to the account name, then the id.
 *
 * A total order keeps rows from jumping between refreshes when many share a role or a date.
 */
export function sortEntries(entries: readonly AuthorizedAccount[], sort: ServerSort): readonly AuthorizedAccount[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...entries].sort(
    (left, right) =>
      sign * compareColumn(sort.column, left, right) || collator.compare(left.name, right.name) || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0),
  );
}

/**
 * The rows the grid shows: filtered, then sorted.
 *
 * Components memoize this on (entries, filter, sort) rather than selecting it from the
 * store, since a new array per render would re-render every subscriber.
 */
export function visibleEntries(entries: readonly AuthorizedAccount[], filter: string, sort: ServerSort): readonly AuthorizedAccount[] {
  return sortEntries(filterEntries(entries, filter), sort);
}

/**
 * The sort after a click on a column header: the same column flips, another starts ascending.
 *
 * The usual data-grid convention, so admins need no instructions.
 */
export function nextSort(current: ServerSort, column: ServerColumn): ServerSort {
  if (current.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
