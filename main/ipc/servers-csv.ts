import { OBJECT_KIND_LABELS, ROLE_LABELS } from '../../contract/labels.ts';
import type { AuthorizedAccount } from '../../contract/servers.ts';
import { renderCsv } from '../../contract/csv-text.ts';

/**
 * The file name the console saves the list under.
 *
 * Named after the list's title in the connector's own tool, so admins recognise the file.
 */
export const SERVERS_CSV_FILE_NAME = 'servers-allowed-to-utilize-the-connector.csv';

const HEADER = ['Account', 'Role', 'Object type', 'SID', 'Added by', 'Added on'];

/**
 * The list as CSV (RFC 4180): a header row, CRLF line ends, quotes only where needed.
 *
 * Account names come from the directory, where anyone who may create an object chooses
 * them; every cell goes through the console's one CSV writer, which keeps formulas inert.
 */
export function renderServersCsv(entries: readonly AuthorizedAccount[]): string {
  const rows = entries.map((entry) => [entry.name, ROLE_LABELS[entry.role], OBJECT_KIND_LABELS[entry.kind], entry.sid, entry.addedBy, entry.addedAt]);
  return renderCsv([HEADER, ...rows]);
}
