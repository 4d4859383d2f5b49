import type { HandlerTable } from './handler-types.ts';
import { sessionHandler } from './handler-types.ts';
import { labelOf } from '../core/policy/finding.ts';
import { consoleFailure, listChanged } from './console-failure.ts';
import { renderServersCsv, SERVERS_CSV_FILE_NAME } from './servers-csv.ts';
import { judgeGrant } from './servers-judgement.ts';

type ServersChannels = 'servers:list' | 'servers:check' | 'servers:add' | 'servers:remove' | 'servers:export-csv';

/**
 * The "Servers allowed to utilize the connector" channels.
 *
 * Every write carries the list version the admin looked at (`versionTag`, the service's
 * ETag): a save is re-judged here against the live list, refused when that list is no
 * longer the one judged, and sent with `If-Match` so a write in between is refused too.
 */
export function createServersHandlers(): Pick<HandlerTable, ServersChannels> {
  return {
    'servers:list': sessionHandler(async (_request, { session, signal }) => {
      const { list, etag } = await session.client.listAuthorizedAccounts({ signal });
      return { version: list.version, versionTag: etag, entries: list.entries };
    }),
    'servers:check': sessionHandler(
      async (request, { session, signal }) => {
        const { object, findings, listing } = await judgeGrant(session, request, signal);
        const label = labelOf(object, session.directory.domain.netbiosDomain);
        return { role: request.role, object: { sid: object.sid, label, kind: object.kind, inFolder: object.inFolder }, findings: [...findings], versionTag: listing.etag };
      },
      { cancellable: true },
    ),
    'servers:add': sessionHandler(async (request, { session, signal }) => {
      const { object, findings, listing } = await judgeGrant(session, request, signal);
      if (listing.etag !== request.versionTag) throw listChanged();
      const errors = findings.filter((finding) => finding.severity === 'error').map((finding) => finding.code);
      if (errors.length > 0) {
        throw consoleFailure('BLOCKED_BY_FINDINGS', 'This grant is blocked', 'Fix the errors the check shows before saving: the grant would be unsafe or would not work.', errors);
      }
      const unacknowledged = findings.filter((finding) => finding.severity === 'warning' && !request.acknowledged.includes(finding.code)).map((finding) => finding.code);
      if (unacknowledged.length > 0) {
        throw consoleFailure('NEEDS_ACKNOWLEDGEMENT', 'Each warning needs your acknowledgement', 'Read each warning and tick its "I understand" box, then save again.', unacknowledged);
      }
      const name = labelOf(object, session.directory.domain.netbiosDomain);
      const added = await session.client.addAuthorizedAccount({ sid: object.sid, name, role: request.role }, { ifMatch: request.versionTag, idempotencyKey: request.operationId });
      return { entry: added.result.entry, version: added.result.version, versionTag: added.etag, superUserFeatureEnabled: added.result.superUserFeatureEnabled, findings: [...findings] };
    }),
    'servers:remove': sessionHandler(async (request, { session }) => {
      const removed = await session.client.removeAuthorizedAccount(request.id, { ifMatch: request.versionTag });
      return { removed: removed.result.removed, version: removed.result.version, versionTag: removed.etag };
    }),
    'servers:export-csv': sessionHandler(async (_request, { session, signal }) => {
      const { list } = await session.client.listAuthorizedAccounts({ signal });
      return { fileName: SERVERS_CSV_FILE_NAME, csv: renderServersCsv(list.entries), entries: list.entries.length };
    }),
  };
}
