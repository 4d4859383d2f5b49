import type { AuditRecord } from '../../../contract/index.ts';
import { renderCsv } from '../../../contract/index.ts';
import { auditActionLabel } from '../../format/labels.ts';
import { AUDIT_COLUMNS } from './audit-columns.ts';

/** The file name Export… saves the audit log under. */
export const AUDIT_CSV_FILE_NAME = 'audit-log.csv';

/**
 * The records whose cells, as the grid shows them (local date, action in words, who, target,
 * node), contain the text in any case; blank text keeps them all (the same array).
 *
 * The Servers page's live filter, for the audit log: it narrows the records already read, at
 * once, while Apply filters asks the service.
 */
export function filterAuditRecords(records: readonly AuditRecord[], text: string): readonly AuditRecord[] {
  const needle = text.trim().toLocaleLowerCase();
  if (needle === '') return records;
  return records.filter((record) => AUDIT_COLUMNS.some((column) => column.text(record).toLocaleLowerCase().includes(needle)));
}

/**
 * The records as CSV: the grid's columns, When as an ISO 8601 UTC instant (a spreadsheet
 * sorts it and no locale misreads it), through the console's one CSV writer (formulas inert).
 */
export function renderAuditCsv(records: readonly AuditRecord[]): string {
  const rows = records.map((record) => [record.at, record.actor, auditActionLabel(record.action), record.target, record.node]);
  return renderCsv([['When (UTC)', 'Who', 'Action', 'Target', 'Node'], ...rows]);
}
