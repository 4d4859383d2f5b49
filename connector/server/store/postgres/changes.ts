import type { ChangeEvent } from '../../../../contract/connector-api/index.ts';
import { CHANGE_COLUMNS, changeEventsFrom, type ChangePosition, type NumberedContext } from '../change-events.ts';
import type { ChangeContext } from '../config-store.ts';
import { integer } from '../rows.ts';
import type { Transaction } from './database.ts';

/** The channel every node listens on; a notification carries a change's sequence, nothing else. */
export const CHANGE_CHANNEL = 'rms_connector_changes';

/** The last committed change's number and the list version now. */
export async function readChangePosition(transaction: Transaction): Promise<ChangePosition> {
  const [row] = await transaction`SELECT change_sequence, list_version FROM settings WHERE id = 1`;
  if (!row) throw new Error('The settings row is missing: the configuration database is damaged.');
  return { sequence: integer(row, 'change_sequence'), listVersion: integer(row, 'list_version') };
}

/**
 * Give the change of the caller's transaction its number and tell every node once it commits.
 *
 * Call once, under the configuration lock (every change path takes it first), after the list
 * version moved and before the audit records: the row update keeps numbers in commit order.
 * PostgreSQL delivers the notification only if the transaction commits, and only then.
 */
export async function numberChange(transaction: Transaction, context: ChangeContext): Promise<NumberedContext> {
  const [row] = await transaction`UPDATE settings SET change_sequence = change_sequence + 1 WHERE id = 1 RETURNING change_sequence, list_version`;
  if (!row) throw new Error('The settings row is missing: the configuration database is damaged.');
  const position = { sequence: integer(row, 'change_sequence'), listVersion: integer(row, 'list_version') };
  await transaction`SELECT pg_notify(${CHANGE_CHANNEL}, ${String(position.sequence)})`;
  return { ...context, position };
}

/** The changes after `after`, oldest first, at most `limit` of them. */
export async function readChangesSince(transaction: Transaction, after: number, limit: number): Promise<ChangeEvent[]> {
  const rows = await transaction`
    SELECT ${transaction.unsafe(CHANGE_COLUMNS)} FROM audit
    WHERE change_sequence > ${after} AND change_sequence <= ${after + limit}
    ORDER BY change_sequence, id`;
  return changeEventsFrom(rows);
}
