import type { SuperUsers } from '../../../../contract/connector-api/index.ts';
import type { ChangeContext } from '../config-store.ts';
import { versionMatches, type ExpectedVersion } from '../expected-version.ts';
import {
  DIFFERENCE_COLUMNS,
  SNAPSHOT_COLUMNS,
  SNAPSHOT_STATE_COLUMNS,
  diffSnapshot,
  differenceFrom,
  driftAuditEntries,
  inChanges,
  reviewAuditEntry,
  reviewOf,
  snapshotStateFrom,
  snapshotSuperUserFrom,
  superUsersOf,
  type SnapshotState,
  type SuperUserExpansion,
  type SuperUserRecording,
  type SuperUserReviewOutcome,
} from '../super-user-snapshot.ts';
import { appendAudit, appendAuditEntries } from './audit.ts';
import { numberChange } from './changes.ts';
import type { Transaction } from './database.ts';
import { lockConfiguration } from './settings.ts';

/** The advisory lock a node holds while it expands the super users: one node at a time, the others skip. */
export const SUPER_USER_EXPANSION_LOCK = 726_300_002;

async function readState(transaction: Transaction): Promise<SnapshotState> {
  const [row] = await transaction`SELECT ${transaction.unsafe(SNAPSHOT_STATE_COLUMNS)} FROM settings WHERE id = 1`;
  if (!row) throw new Error('The settings row is missing: the configuration database is damaged.');
  return snapshotStateFrom(row);
}

async function readSnapshot(transaction: Transaction) {
  return (await transaction`SELECT ${transaction.unsafe(SNAPSHOT_COLUMNS)} FROM super_users ORDER BY name COLLATE "C", sid COLLATE "C"`).map(
    snapshotSuperUserFrom,
  );
}

/** The snapshot, the last review and the differences recorded since it. */
export async function readSuperUsers(transaction: Transaction): Promise<SuperUsers> {
  const state = await readState(transaction);
  const rows = await transaction`
    SELECT ${transaction.unsafe(DIFFERENCE_COLUMNS)} FROM audit
    WHERE action IN ('super-user.joined', 'super-user.left') AND change_sequence > ${state.reviewedSequence}
    ORDER BY change_sequence, id`;
  return superUsersOf(state, await readSnapshot(transaction), rows.map(differenceFrom));
}

/**
 * Compare an expansion with the snapshot and store it, in the caller's transaction.
 *
 * Under the configuration lock: of two nodes recording the same difference at once, the second
 * waits, reads the first one's snapshot and finds nothing left to record.
 */
export async function recordSuperUsersIn(transaction: Transaction, expansion: SuperUserExpansion, context: ChangeContext): Promise<SuperUserRecording> {
  await lockConfiguration(transaction);
  const state = await readState(transaction);
  if (state.listVersion !== null && expansion.listVersion < state.listVersion) return { status: 'superseded', version: state.version };
  const diff = diffSnapshot(await readSnapshot(transaction), expansion.accounts, context.at);
  const changed = diff.joined.length + diff.left.length > 0;
  const version = changed ? state.version + 1 : state.version;
  await transaction`DELETE FROM super_users`;
  if (diff.next.length > 0) {
    const rows = diff.next.map((account) => ({
      sid: account.sid,
      name: account.name,
      kind: account.kind,
      grants_json: JSON.stringify(account.grants),
      first_seen_at: account.firstSeenAt,
    }));
    for (let start = 0; start < rows.length; start += 1000) await transaction`INSERT INTO super_users ${transaction(rows.slice(start, start + 1000))}`;
  }
  await transaction`
    UPDATE settings SET super_users_version = ${version}, super_users_expanded_at = ${context.at}, super_users_expanded_by = ${context.node},
      super_users_list_version = ${expansion.listVersion}
    WHERE id = 1`;
  if (!changed) return { status: 'unchanged', version };
  let sequence = 0;
  for (const entries of inChanges(driftAuditEntries(diff))) {
    const numbered = await numberChange(transaction, context);
    await appendAuditEntries(transaction, numbered, entries);
    sequence = numbered.position.sequence;
  }
  return { status: 'recorded', version, sequence, joined: diff.joined, left: diff.left };
}

/** Mark the snapshot reviewed if it is still at `expected`, in the caller's transaction; audited. */
export async function reviewSuperUsersIn(transaction: Transaction, expected: ExpectedVersion, context: ChangeContext): Promise<SuperUserReviewOutcome> {
  await lockConfiguration(transaction);
  const state = await readState(transaction);
  if (!versionMatches(expected, state.version)) return { status: 'stale', currentVersion: state.version };
  const [counted] = await transaction`SELECT count(*)::integer AS n FROM super_users`;
  const numbered = await numberChange(transaction, context);
  const review = reviewOf(numbered, state.version);
  await transaction`
    UPDATE settings SET super_users_reviewed_at = ${review.at}, super_users_reviewed_by = ${review.by}, super_users_reviewed_by_sid = ${review.bySid},
      super_users_reviewed_version = ${review.version}, super_users_reviewed_sequence = ${numbered.position.sequence}
    WHERE id = 1`;
  await appendAudit(transaction, numbered, reviewAuditEntry(state.lastReview, state.version, Number(counted?.['n'] ?? 0)));
  return { status: 'reviewed', review };
}
