import { AuditActionSchema, type ChangeEvent } from '../../../contract/connector-api/index.ts';
import type { ChangeContext } from './config-store.ts';
import { integer, json, optionalText, text, type Row } from './rows.ts';

/**
 * A change's place in the configuration's history, given to it in its own transaction.
 *
 * Every committed change of the list, the administrators, onboarding control or the super-user
 * feature takes the next `sequence` under the configuration's write lock, so numbers follow
 * commit order with no gaps; the change feed's event ids are these numbers.
 */
export type ChangePosition = { readonly sequence: number; readonly listVersion: number };

/** The context of a change that has its number: what every audit record of the change carries. */
export type NumberedContext = ChangeContext & { readonly position: ChangePosition };

/** Columns of `audit` a change event is read from, in both stores. */
export const CHANGE_COLUMNS = 'change_sequence, list_version, at, actor, actor_sid, source, node, correlation_id, action, target, before_json, after_json';

/**
 * Group audit rows (ordered by sequence, then id) into change events: one per sequence.
 *
 * Who, when and where are the same on every record of a change (one context made them), so the
 * first record's are the change's.
 */
export function changeEventsFrom(rows: readonly Row[]): ChangeEvent[] {
  const events: { event: ChangeEvent; records: ChangeEvent['records'][number][] }[] = [];
  for (const row of rows) {
    const sequence = integer(row, 'change_sequence');
    const record = {
      action: AuditActionSchema.parse(text(row, 'action')),
      target: text(row, 'target'),
      before: json(row, 'before_json'),
      after: json(row, 'after_json'),
    };
    const last = events.at(-1);
    if (last?.event.sequence === sequence) {
      last.records.push(record);
      continue;
    }
    const records = [record];
    events.push({
      records,
      event: {
        sequence,
        listVersion: integer(row, 'list_version'),
        at: text(row, 'at'),
        actor: text(row, 'actor'),
        actorSid: optionalText(row, 'actor_sid'),
        source: text(row, 'source'),
        node: text(row, 'node'),
        correlationId: text(row, 'correlation_id'),
        records,
      },
    });
  }
  return events.map(({ event }) => event);
}
