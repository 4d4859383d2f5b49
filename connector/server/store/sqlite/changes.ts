import type { DatabaseSync } from 'node:sqlite';
import type { ChangeEvent } from '../../../../contract/connector-api/index.ts';
import { CHANGE_COLUMNS, changeEventsFrom, type ChangePosition, type NumberedContext } from '../change-events.ts';
import type { ChangeContext } from '../config-store.ts';
import { integer } from '../rows.ts';

/** The last committed change's number and the list version now. */
export function readChangePosition(database: DatabaseSync): ChangePosition {
  const row = database.prepare('SELECT change_sequence, list_version FROM settings WHERE id = 1').get();
  if (!row) throw new Error('The settings row is missing: the configuration database is damaged.');
  return { sequence: integer(row, 'change_sequence'), listVersion: integer(row, 'list_version') };
}

/**
 * Give the change of the caller's write transaction its number; call once, after the list
 * version moved (if it moves) and before its audit records are written.
 */
export function numberChange(database: DatabaseSync, context: ChangeContext): NumberedContext {
  database.prepare('UPDATE settings SET change_sequence = change_sequence + 1 WHERE id = 1').run();
  return { ...context, position: readChangePosition(database) };
}

/** The changes after `after`, oldest first, at most `limit` of them. */
export function readChangesSince(database: DatabaseSync, after: number, limit: number): ChangeEvent[] {
  const rows = database
    .prepare(`SELECT ${CHANGE_COLUMNS} FROM audit WHERE change_sequence > ? AND change_sequence <= ? ORDER BY change_sequence, id`)
    .all(after, after + limit);
  return changeEventsFrom(rows);
}
