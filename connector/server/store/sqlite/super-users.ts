import type { DatabaseSync } from 'node:sqlite';
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
import { appendAudit } from './audit.ts';
import { numberChange } from './changes.ts';

function readState(database: DatabaseSync): SnapshotState {
  const row = database.prepare(`SELECT ${SNAPSHOT_STATE_COLUMNS} FROM settings WHERE id = 1`).get();
  if (!row) throw new Error('The settings row is missing: the configuration database is damaged.');
  return snapshotStateFrom(row);
}

function readSnapshot(database: DatabaseSync) {
  return database.prepare(`SELECT ${SNAPSHOT_COLUMNS} FROM super_users ORDER BY name, sid`).all().map(snapshotSuperUserFrom);
}

/** The snapshot, the last review and the differences recorded since it; call inside a read transaction. */
export function readSuperUsers(database: DatabaseSync): SuperUsers {
  const state = readState(database);
  const changes = database
    .prepare(
      `SELECT ${DIFFERENCE_COLUMNS} FROM audit WHERE action IN ('super-user.joined', 'super-user.left') AND change_sequence > ? ORDER BY change_sequence, id`,
    )
    .all(state.reviewedSequence)
    .map(differenceFrom);
  return superUsersOf(state, readSnapshot(database), changes);
}

/**
 * Compare an expansion with the snapshot and store it, inside the caller's write transaction.
 *
 * The comparison reads the snapshot under the write lock, so of two nodes recording the same
 * difference the second finds it recorded: each difference takes one change number once.
 */
export function recordSuperUsersIn(database: DatabaseSync, expansion: SuperUserExpansion, context: ChangeContext): SuperUserRecording {
  const state = readState(database);
  if (state.listVersion !== null && expansion.listVersion < state.listVersion) return { status: 'superseded', version: state.version };
  const diff = diffSnapshot(readSnapshot(database), expansion.accounts, context.at);
  const changed = diff.joined.length + diff.left.length > 0;
  const version = changed ? state.version + 1 : state.version;
  database.prepare('DELETE FROM super_users').run();
  const insert = database.prepare(`INSERT INTO super_users (${SNAPSHOT_COLUMNS}) VALUES (?, ?, ?, ?, ?)`);
  for (const account of diff.next) insert.run(account.sid, account.name, account.kind, JSON.stringify(account.grants), account.firstSeenAt);
  database
    .prepare('UPDATE settings SET super_users_version = ?, super_users_expanded_at = ?, super_users_expanded_by = ?, super_users_list_version = ? WHERE id = 1')
    .run(version, context.at, context.node, expansion.listVersion);
  if (!changed) return { status: 'unchanged', version };
  let sequence = 0;
  for (const entries of inChanges(driftAuditEntries(diff))) {
    const numbered = numberChange(database, context);
    for (const entry of entries) appendAudit(database, numbered, entry);
    sequence = numbered.position.sequence;
  }
  return { status: 'recorded', version, sequence, joined: diff.joined, left: diff.left };
}

/** Mark the snapshot reviewed if it is still at `expected`, inside the caller's write transaction; audited. */
export function reviewSuperUsersIn(database: DatabaseSync, expected: ExpectedVersion, context: ChangeContext): SuperUserReviewOutcome {
  const state = readState(database);
  if (!versionMatches(expected, state.version)) return { status: 'stale', currentVersion: state.version };
  const count = Number(database.prepare('SELECT count(*) AS n FROM super_users').get()?.['n'] ?? 0);
  const numbered = numberChange(database, context);
  const review = reviewOf(numbered, state.version);
  database
    .prepare(
      'UPDATE settings SET super_users_reviewed_at = ?, super_users_reviewed_by = ?, super_users_reviewed_by_sid = ?, super_users_reviewed_version = ?, super_users_reviewed_sequence = ? WHERE id = 1',
    )
    .run(review.at, review.by, review.bySid, review.version, numbered.position.sequence);
  appendAudit(database, numbered, reviewAuditEntry(state.lastReview, state.version, count));
  return { status: 'reviewed', review };
}

/** Migration 4's schema for SQLite. */
export const SUPER_USERS_SCHEMA = `
  CREATE TABLE super_users (
    sid TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    grants_json TEXT NOT NULL,
    first_seen_at TEXT NOT NULL
  ) STRICT;
  ALTER TABLE settings ADD COLUMN super_users_version INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE settings ADD COLUMN super_users_expanded_at TEXT;
  ALTER TABLE settings ADD COLUMN super_users_expanded_by TEXT;
  ALTER TABLE settings ADD COLUMN super_users_list_version INTEGER;
  ALTER TABLE settings ADD COLUMN super_users_reviewed_at TEXT;
  ALTER TABLE settings ADD COLUMN super_users_reviewed_by TEXT;
  ALTER TABLE settings ADD COLUMN super_users_reviewed_by_sid TEXT;
  ALTER TABLE settings ADD COLUMN super_users_reviewed_version INTEGER;
  ALTER TABLE settings ADD COLUMN super_users_reviewed_sequence INTEGER;
  CREATE INDEX audit_super_user_drift ON audit (change_sequence) WHERE action IN ('super-user.joined', 'super-user.left');
`;
