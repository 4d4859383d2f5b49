import type { DatabaseSync } from 'node:sqlite';
import type { AuthorizedAccount, AuthorizedAccountList } from '../../../../contract/connector-api/index.ts';
import type { ChangeContext, ListChange, ListChangeOutcome } from '../config-store.ts';
import {
  appliedChange,
  changesVersion,
  entryTarget,
  idsToRemove,
  planListChange,
  sidRoleKey,
  switchesSuperUserOn,
  type ListChangeState,
  type ListChangeWrites,
} from '../list-change-plan.ts';
import { AUTHORIZED_ACCOUNT_COLUMNS, authorizedAccountFrom, text } from '../rows.ts';
import { storedContext } from '../stored-values.ts';
import { appendAudit } from './audit.ts';
import { numberChange } from './changes.ts';
import { releaseKey } from './idempotency-claims.ts';
import { bumpListVersion, enableSuperUserFeature, readListVersion, readSuperUserFeature } from './settings.ts';

/** The authorized list and its version, in the order entries were added. */
export function readAuthorizedAccounts(database: DatabaseSync): AuthorizedAccountList {
  // rowid grows with every insert and existing rows keep theirs, so it is insertion order.
  const rows = database.prepare(`SELECT ${AUTHORIZED_ACCOUNT_COLUMNS} FROM authorized_accounts ORDER BY rowid`).all();
  return { version: readListVersion(database), entries: rows.map(authorizedAccountFrom) };
}

/**
 * Check and apply one list change, inside the caller's write transaction.
 *
 * The rules are `planListChange`'s; this reads what it needs and writes what it decided. Every
 * check runs before the first write, so a refused change writes nothing.
 */
export function applyListChangeIn(database: DatabaseSync, change: ListChange): ListChangeOutcome {
  const context = storedContext(change.context);
  const plan = planListChange(change, readState(database, change), context);
  if ('outcome' in plan) return plan.outcome;
  const applied = write(database, context, plan.writes);
  if (change.idempotency) {
    const { scope, key, fingerprint } = change.idempotency;
    database
      .prepare('INSERT INTO idempotency_keys (scope, key, fingerprint, result_json, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(scope, key, fingerprint, JSON.stringify(applied), context.at);
    releaseKey(database, scope, key);
  }
  return { status: 'applied', change: applied };
}

function readState(database: DatabaseSync, change: ListChange): ListChangeState {
  const record = change.idempotency
    ? database
        .prepare('SELECT fingerprint, result_json FROM idempotency_keys WHERE scope = ? AND key = ?')
        .get(change.idempotency.scope, change.idempotency.key)
    : undefined;
  const byIdQuery = database.prepare(`SELECT ${AUTHORIZED_ACCOUNT_COLUMNS} FROM authorized_accounts WHERE id = ?`);
  const bySidAndRoleQuery = database.prepare(`SELECT ${AUTHORIZED_ACCOUNT_COLUMNS} FROM authorized_accounts WHERE sid = ? AND role = ?`);
  const byId = new Map<string, AuthorizedAccount>();
  for (const id of idsToRemove(change)) {
    const row = byIdQuery.get(id);
    if (row) byId.set(id, authorizedAccountFrom(row));
  }
  const bySidAndRole = new Map<string, AuthorizedAccount>();
  for (const entry of change.add) {
    const row = bySidAndRoleQuery.get(entry.sid, entry.role);
    if (row) bySidAndRole.set(sidRoleKey(entry.sid, entry.role), authorizedAccountFrom(row));
  }
  return {
    version: readListVersion(database),
    idempotencyRecord: record ? { fingerprint: text(record, 'fingerprint'), resultJson: text(record, 'result_json') } : null,
    byId,
    bySidAndRole,
  };
}

function write(database: DatabaseSync, change: ChangeContext, writes: ListChangeWrites) {
  const version = changesVersion(writes) ? bumpListVersion(database) : readListVersion(database);
  const enabledBefore = readSuperUserFeature(database).enabled;
  if (writes.removed.length === 0 && writes.added.length === 0) return appliedChange(writes, version, enabledBefore);
  const context = numberChange(database, change);
  const remove = database.prepare('DELETE FROM authorized_accounts WHERE id = ?');
  for (const entry of writes.removed) {
    remove.run(entry.id);
    appendAudit(database, context, { action: 'authorized-account.remove', target: entryTarget(entry), before: entry, after: null });
  }
  const insert = database.prepare(`INSERT INTO authorized_accounts (${AUTHORIZED_ACCOUNT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const entry of writes.added) {
    insert.run(entry.id, entry.sid, entry.name, entry.role, entry.kind, entry.addedBy, entry.addedAt);
    appendAudit(database, context, { action: 'authorized-account.add', target: entryTarget(entry), before: null, after: entry });
  }
  if (switchesSuperUserOn(writes, enabledBefore)) enableSuperUserFeature(database, context);
  return appliedChange(writes, version, enabledBefore || switchesSuperUserOn(writes, enabledBefore));
}
