import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { ReplaceAuthorizedAccountsResultSchema, type AuthorizedAccount, type AuthorizedAccountList } from '../../../../contract/connector-api/index.ts';
import type { AppliedListChange, ListChange, ListChangeOutcome } from '../config-store.ts';
import { versionMatches } from '../expected-version.ts';
import { appendAudit } from './audit.ts';
import { AUTHORIZED_ACCOUNT_COLUMNS, authorizedAccountFrom, storedContext, text } from './rows.ts';
import { bumpListVersion, enableSuperUserFeature, readListVersion, readSuperUserFeature } from './settings.ts';

// Stored results are read back through a schema: a replay must answer exactly what was applied.
// An applied change has the shape of an import's result (added, removed, version, super users).
const AppliedListChangeSchema = ReplaceAuthorizedAccountsResultSchema;

/** The authorized list and its version, in the order entries were added. */
export function readAuthorizedAccounts(database: DatabaseSync): AuthorizedAccountList {
  // rowid grows with every insert and existing rows keep theirs, so it is insertion order.
  const rows = database.prepare(`SELECT ${AUTHORIZED_ACCOUNT_COLUMNS} FROM authorized_accounts ORDER BY rowid`).all();
  return { version: readListVersion(database), entries: rows.map(authorizedAccountFrom) };
}

/**
 * Check and apply one list change, inside the caller's write transaction.
 *
 * Every check runs before the first write, so a refused change returns with nothing written
 * and the caller's COMMIT commits nothing.
 */
export function applyListChangeIn(database: DatabaseSync, change: ListChange): ListChangeOutcome {
  const { idempotency } = change;
  if (idempotency) {
    const stored = database
      .prepare('SELECT fingerprint, result_json FROM idempotency_keys WHERE scope = ? AND key = ?')
      .get(idempotency.scope, idempotency.key);
    if (stored) {
      if (text(stored, 'fingerprint') !== idempotency.fingerprint) return { status: 'key-reused' };
      return { status: 'replayed', change: AppliedListChangeSchema.parse(JSON.parse(text(stored, 'result_json'))) };
    }
  }
  const currentVersion = readListVersion(database);
  if (!versionMatches(change.expectedVersion, currentVersion)) return { status: 'stale', currentVersion };
  const context = storedContext(change.context);

  const byId = database.prepare(`SELECT ${AUTHORIZED_ACCOUNT_COLUMNS} FROM authorized_accounts WHERE id = ?`);
  const removed: AuthorizedAccount[] = [];
  // A repeated id removes one entry once.
  for (const id of new Set(change.remove)) {
    const row = byId.get(id);
    if (!row) return { status: 'missing', id };
    removed.push(authorizedAccountFrom(row));
  }

  const removedIds = new Set(removed.map((entry) => entry.id));
  const bySidAndRole = database.prepare(`SELECT ${AUTHORIZED_ACCOUNT_COLUMNS} FROM authorized_accounts WHERE sid = ? AND role = ?`);
  const added = new Map<string, AuthorizedAccount>();
  for (const entry of change.add) {
    const key = JSON.stringify([entry.sid, entry.role]);
    const earlier = added.get(key);
    if (earlier) return { status: 'duplicate', existing: earlier };
    const row = bySidAndRole.get(entry.sid, entry.role);
    if (row && !removedIds.has(text(row, 'id'))) return { status: 'duplicate', existing: authorizedAccountFrom(row) };
    const { sid, name, role, kind } = entry;
    added.set(key, { id: randomUUID(), sid, name, role, kind, addedBy: context.actor, addedAt: context.at });
  }

  const applied = write(database, context, [...added.values()], removed);
  if (idempotency) {
    database
      .prepare('INSERT INTO idempotency_keys (scope, key, fingerprint, result_json, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(idempotency.scope, idempotency.key, idempotency.fingerprint, JSON.stringify(applied), context.at);
  }
  return { status: 'applied', change: applied };
}

function write(database: DatabaseSync, context: ListChange['context'], added: AuthorizedAccount[], removed: AuthorizedAccount[]): AppliedListChange {
  const remove = database.prepare('DELETE FROM authorized_accounts WHERE id = ?');
  for (const entry of removed) {
    remove.run(entry.id);
    appendAudit(database, context, { action: 'authorized-account.remove', target: target(entry), before: entry, after: null });
  }
  const insert = database.prepare(`INSERT INTO authorized_accounts (${AUTHORIZED_ACCOUNT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const entry of added) {
    insert.run(entry.id, entry.sid, entry.name, entry.role, entry.kind, entry.addedBy, entry.addedAt);
    appendAudit(database, context, { action: 'authorized-account.add', target: target(entry), before: null, after: entry });
  }
  // An empty change keeps the version: bumping it would fail other clients' conditional writes for nothing.
  const version = added.length + removed.length === 0 ? readListVersion(database) : bumpListVersion(database);
  let superUserFeatureEnabled = readSuperUserFeature(database).enabled;
  if (!superUserFeatureEnabled && added.some((entry) => entry.role === 'exchange')) {
    enableSuperUserFeature(database, context);
    superUserFeatureEnabled = true;
  }
  return { version, added, removed, superUserFeatureEnabled };
}

function target(entry: AuthorizedAccount): string {
  return `${entry.name} (${entry.role})`;
}
