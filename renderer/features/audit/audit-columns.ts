import type { AuditRecord } from '../../../contract/index.ts';
import type { GridColumn } from '../../components/virtual-grid/grid-types.ts';
import { formatDateTime } from '../../format/date-time.ts';
import { auditActionLabel } from '../../format/labels.ts';

/**
 * The audit grid's columns: When (local time), Who, Action (in words), Target, Node.
 *
 * Before/after values stay out of the grid; the action and target say what changed, and
 * the CLI's JSON output carries the full record for investigations.
 */
export const AUDIT_COLUMNS: readonly GridColumn<AuditRecord>[] = [
  { id: 'when', label: 'When', width: 'minmax(11rem, 1fr)', text: (record) => formatDateTime(record.at) },
  { id: 'who', label: 'Who', width: 'minmax(11rem, 1.2fr)', text: (record) => record.actor },
  { id: 'action', label: 'Action', width: 'minmax(12rem, 1.2fr)', text: (record) => auditActionLabel(record.action) },
  { id: 'target', label: 'Target', width: 'minmax(14rem, 2fr)', text: (record) => record.target },
  { id: 'node', label: 'Node', width: 'minmax(8rem, 1fr)', text: (record) => record.node },
];
