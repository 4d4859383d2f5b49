import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { AuditAction, AuditPage, AuditQuery } from '../../../../contract/connector-api/index.ts';
import type { NumberedContext } from '../change-events.ts';
import { AUDIT_COLUMNS, auditRecordFrom } from '../rows.ts';
import { isoTime } from '../stored-values.ts';

/** What one audit record says happened; who, when and where come from the change's {@link NumberedContext}. */
export type AuditEntry = { readonly action: AuditAction; readonly target: string; readonly before: unknown; readonly after: unknown };

const FOLD = 'rmsadmin_fold';

/**
 * Register the case folding the actor filter uses.
 *
 * SQLite's NOCASE and lower() fold ASCII only; account names such as `CORP\Jürgen` need the
 * Unicode folding JavaScript does.
 */
export function registerCaseFolding(database: DatabaseSync): void {
  database.function(FOLD, { deterministic: true }, (value) => (typeof value === 'string' ? value.toLowerCase() : null));
}

/**
 * Append one record, inside the caller's transaction.
 *
 * The caller's transaction is what makes a change and its record one unit: if the change is
 * rolled back, so is its record (and its number, see changes.ts).
 */
export function appendAudit(database: DatabaseSync, context: NumberedContext, entry: AuditEntry): void {
  database
    .prepare(
      `INSERT INTO audit (at, actor, actor_sid, source, node, action, target, before_json, after_json, correlation_id, change_sequence, list_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      context.at,
      context.actor,
      context.actorSid,
      context.source,
      context.node,
      entry.action,
      entry.target,
      jsonText(entry.before),
      jsonText(entry.after),
      context.correlationId,
      context.position.sequence,
      context.position.listVersion,
    );
}

/**
 * One page of records, newest first, and the cursor of the next page.
 *
 * One row more than the page is read, so the cursor is null exactly when no older record matches.
 */
export function readAuditPage(database: DatabaseSync, query: AuditQuery): AuditPage {
  // Only fixed SQL fragments are joined; every value is a bound parameter.
  const conditions: string[] = [];
  const parameters: SQLInputValue[] = [];
  const filter = (condition: string, value: SQLInputValue): void => {
    conditions.push(condition);
    parameters.push(value);
  };
  if (query.before !== undefined) filter('id < ?', query.before);
  if (query.actor !== undefined) filter(`${FOLD}(actor) = ${FOLD}(?)`, query.actor);
  if (query.action !== undefined) filter('action = ?', query.action);
  if (query.since !== undefined) filter('at >= ?', isoTime(query.since, 'The audit filter "since"'));
  if (query.until !== undefined) filter('at <= ?', isoTime(query.until, 'The audit filter "until"'));
  const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const rows = database.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit ${where} ORDER BY id DESC LIMIT ?`).all(...parameters, query.limit + 1);
  const records = rows.slice(0, query.limit).map(auditRecordFrom);
  const last = records.at(-1);
  return { records, nextBefore: rows.length > query.limit && last ? last.id : null };
}

function jsonText(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
