import type { EffectiveSuperUsers, SuperUserGrant } from '../../../contract/index.ts';
import type { GridColumn } from '../../components/virtual-grid/grid-types.ts';
import { kindLabel } from '../../format/labels.ts';

/** One row of the effective super users grid: an account and every grant that reaches it. */
export type SuperUserRow = EffectiveSuperUsers['superUsers'][number];

function pathText(grant: SuperUserGrant): string {
  const chain = grant.path.join(' › ');
  return grant.throughPrimaryGroup ? `${chain} (primary group)` : chain;
}

/**
 * The grid's columns: Account, Type, Granted by (the Exchange entries), Path (group chains).
 *
 * An account reached through several entries or chains shows them all, separated by
 * semicolons, so the admin sees every membership to undo.
 */
export const SUPER_USER_COLUMNS: readonly GridColumn<SuperUserRow>[] = [
  { id: 'account', label: 'Account', width: 'minmax(14rem, 2fr)', text: (row) => row.account.name },
  { id: 'type', label: 'Type', width: 'minmax(9rem, 1fr)', text: (row) => `${kindLabel(row.account.kind)}${row.account.disabled ? ' (disabled)' : ''}` },
  { id: 'granted-by', label: 'Granted by', width: 'minmax(12rem, 1.5fr)', text: (row) => [...new Set(row.grants.map((grant) => grant.entry.name))].join('; ') },
  { id: 'path', label: 'Path', width: 'minmax(18rem, 3fr)', text: (row) => row.grants.map(pathText).join('; ') },
];

/**
 * The grid's columns, led by "Since review" when the service keeps a drift snapshot.
 *
 * An account that joined since the last review reads "New since review" in words (not colour
 * alone), so a sorted or scrolled grid still tells it apart; the others leave it blank.
 */
export function superUserColumns(joinedSinceReview: ReadonlySet<string>): readonly GridColumn<SuperUserRow>[] {
  if (joinedSinceReview.size === 0) return SUPER_USER_COLUMNS;
  const since: GridColumn<SuperUserRow> = {
    id: 'since-review',
    label: 'Since review',
    width: 'minmax(9rem, 1fr)',
    text: (row) => (joinedSinceReview.has(row.account.sid) ? 'New since review' : ''),
  };
  return [since, ...SUPER_USER_COLUMNS];
}
