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
import { versionMatches } from '../expected-version.ts';
import { storedContext } from '../stored-values.ts';
import { appendAudit } from './audit.ts';
import { numberChange } from './changes.ts';
import { releaseKey } from './idempotency-claims.ts';
import type { Transaction } from './database.ts';
import { bumpListVersion, enableSuperUserFeature, lockConfiguration, readListVersion, readSuperUserFeature } from './settings.ts';

/** The authorized list and its version, in the order entries were added; call in a snapshot transaction. */
export async function readAuthorizedAccounts(transaction: Transaction): Promise<AuthorizedAccountList> {
  const rows = await transaction`SELECT ${transaction.unsafe(AUTHORIZED_ACCOUNT_COLUMNS)} FROM authorized_accounts ORDER BY position`;
  return { version: await readListVersion(transaction), entries: rows.map(authorizedAccountFrom) };
}

/**
 * Check and apply one list change in the caller's transaction, under the configuration lock.
 *
 * The rules are `planListChange`'s, shared with SQLite; the lock makes the version check and
 * the write one step on the primary, whichever node runs it.
 */
export async function applyListChangeIn(transaction: Transaction, change: ListChange): Promise<ListChangeOutcome> {
  // A stale change is answered before the lock: taking it writes WAL, and on a synchronously
  // replicated primary every such commit waits for the standby. (A keyed change may be a replay,
  // which answers whatever the version, so it goes to the lock.)
  if (!change.idempotency) {
    const currentVersion = await readListVersion(transaction);
    if (!versionMatches(change.expectedVersion, currentVersion)) return { status: 'stale', currentVersion };
  }
  await lockConfiguration(transaction);
  const context = storedContext(change.context);
  const plan = planListChange(change, await readState(transaction, change), context);
  if ('outcome' in plan) return plan.outcome;
  const applied = await write(transaction, context, plan.writes);
  if (change.idempotency) {
    const { scope, key, fingerprint } = change.idempotency;
    await transaction`
      INSERT INTO idempotency_keys (scope, key, fingerprint, result_json, created_at)
      VALUES (${scope}, ${key}, ${fingerprint}, ${JSON.stringify(applied)}, ${context.at})`;
    await releaseKey(transaction, scope, key);
  }
  return { status: 'applied', change: applied };
}

async function readState(transaction: Transaction, change: ListChange): Promise<ListChangeState> {
  const [record] = change.idempotency
    ? await transaction`SELECT fingerprint, result_json FROM idempotency_keys WHERE scope = ${change.idempotency.scope} AND key = ${change.idempotency.key}`
    : [];
  const ids = idsToRemove(change);
  const byIdRows =
    ids.length === 0
      ? []
      : await transaction`SELECT ${transaction.unsafe(AUTHORIZED_ACCOUNT_COLUMNS)} FROM authorized_accounts WHERE id IN ${transaction(ids)}`;
  const sids = [...new Set(change.add.map((entry) => entry.sid))];
  const bySidRows =
    sids.length === 0
      ? []
      : await transaction`SELECT ${transaction.unsafe(AUTHORIZED_ACCOUNT_COLUMNS)} FROM authorized_accounts WHERE sid IN ${transaction(sids)}`;
  const byId = new Map<string, AuthorizedAccount>(byIdRows.map((row) => [text(row, 'id'), authorizedAccountFrom(row)]));
  const bySidAndRole = new Map<string, AuthorizedAccount>(bySidRows.map(authorizedAccountFrom).map((entry) => [sidRoleKey(entry.sid, entry.role), entry]));
  return {
    version: await readListVersion(transaction),
    idempotencyRecord: record ? { fingerprint: text(record, 'fingerprint'), resultJson: text(record, 'result_json') } : null,
    byId,
    bySidAndRole,
  };
}

async function write(transaction: Transaction, change: ChangeContext, writes: ListChangeWrites) {
  const version = changesVersion(writes) ? await bumpListVersion(transaction) : await readListVersion(transaction);
  const enabledBefore = (await readSuperUserFeature(transaction)).enabled;
  if (writes.removed.length === 0 && writes.added.length === 0) return appliedChange(writes, version, enabledBefore);
  const context = await numberChange(transaction, change);
  for (const entry of writes.removed) {
    await transaction`DELETE FROM authorized_accounts WHERE id = ${entry.id}`;
    await appendAudit(transaction, context, { action: 'authorized-account.remove', target: entryTarget(entry), before: entry, after: null });
  }
  for (const entry of writes.added) {
    await transaction`
      INSERT INTO authorized_accounts (id, sid, name, role, kind, added_by, added_at)
      VALUES (${entry.id}, ${entry.sid}, ${entry.name}, ${entry.role}, ${entry.kind}, ${entry.addedBy}, ${entry.addedAt})`;
    await appendAudit(transaction, context, { action: 'authorized-account.add', target: entryTarget(entry), before: null, after: entry });
  }
  const switches = switchesSuperUserOn(writes, enabledBefore);
  if (switches) await enableSuperUserFeature(transaction, context);
  return appliedChange(writes, version, enabledBefore || switches);
}
