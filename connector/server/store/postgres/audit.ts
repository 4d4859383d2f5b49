import type { AuditAction, AuditPage, AuditQuery } from '../../../../contract/connector-api/index.ts';
import type { NumberedContext } from '../change-events.ts';
import { AUDIT_COLUMNS, auditRecordFrom } from '../rows.ts';
import { isoTime } from '../stored-values.ts';
import type { Transaction } from './database.ts';

/** What one audit record says happened; who, when and where come from the change's {@link NumberedContext}. */
export type AuditEntry = { readonly action: AuditAction; readonly target: string; readonly before: unknown; readonly after: unknown };

/**
 * The actor as the filter compares it: JavaScript's Unicode lower case.
 *
 * Folded here rather than by PostgreSQL's `lower()`, whose result depends on the database's
 * locale; the SQLite store folds with the same function, so both match `CORP\Jürgen` alike.
 */
function folded(actor: string): string {
  return actor.toLowerCase();
}

/** Append one record, inside the caller's transaction: a change and its record commit together. */
export async function appendAudit(transaction: Transaction, context: NumberedContext, entry: AuditEntry): Promise<void> {
  await transaction`
    INSERT INTO audit (at, actor, actor_folded, actor_sid, source, node, action, target, before_json, after_json, correlation_id, change_sequence, list_version)
    VALUES (${context.at}, ${context.actor}, ${folded(context.actor)}, ${context.actorSid}, ${context.source}, ${context.node}, ${entry.action},
            ${entry.target}, ${jsonText(entry.before)}, ${jsonText(entry.after)}, ${context.correlationId}, ${context.position.sequence},
            ${context.position.listVersion})`;
}

/**
 * Append many records of one change in a few statements, inside the caller's transaction.
 *
 * A first super-user expansion can record thousands of accounts; one round trip each would
 * hold the configuration lock for seconds.
 */
export async function appendAuditEntries(transaction: Transaction, context: NumberedContext, entries: readonly AuditEntry[]): Promise<void> {
  const rows = entries.map((entry) => ({
    at: context.at,
    actor: context.actor,
    actor_folded: folded(context.actor),
    actor_sid: context.actorSid,
    source: context.source,
    node: context.node,
    action: entry.action,
    target: entry.target,
    before_json: jsonText(entry.before),
    after_json: jsonText(entry.after),
    correlation_id: context.correlationId,
    change_sequence: context.position.sequence,
    list_version: context.position.listVersion,
  }));
  // Identity ids follow the rows' order within one INSERT, so the records read back in this order.
  for (let start = 0; start < rows.length; start += 500) await transaction`INSERT INTO audit ${transaction(rows.slice(start, start + 500))}`;
}

/** One page of records, newest first, and the cursor of the next page (one row more is read to know). */
export async function readAuditPage(transaction: Transaction, query: AuditQuery): Promise<AuditPage> {
  // Fragments only: every value is a bound parameter.
  const conditions = [
    query.before === undefined ? null : transaction`id < ${query.before}`,
    query.actor === undefined ? null : transaction`actor_folded = ${folded(query.actor)}`,
    query.action === undefined ? null : transaction`action = ${query.action}`,
    query.since === undefined ? null : transaction`at >= ${isoTime(query.since, 'The audit filter "since"')}`,
    query.until === undefined ? null : transaction`at <= ${isoTime(query.until, 'The audit filter "until"')}`,
  ].filter((condition) => condition !== null);
  const where = conditions.reduce(
    (clause, condition, index) => (index === 0 ? transaction`WHERE ${condition}` : transaction`${clause} AND ${condition}`),
    transaction``,
  );
  const rows = await transaction`SELECT ${transaction.unsafe(AUDIT_COLUMNS)} FROM audit ${where} ORDER BY id DESC LIMIT ${query.limit + 1}`;
  const records = rows.slice(0, query.limit).map(auditRecordFrom);
  const last = records.at(-1);
  return { records, nextBefore: rows.length > query.limit && last ? last.id : null };
}

function jsonText(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
