import { authorizeAccount } from '../../core/authorization/authorize-account.ts';
import { judgeAccount, type AccountJudgement } from '../../core/authorization/judge-account.ts';
import type { HandlerTable } from './handler-types.ts';
import { sessionHandler } from './handler-types.ts';
import { labelOf } from '../../core/policy/finding.ts';
import { consoleFailure, ConsoleFailure, listChanged } from './console-failure.ts';
import { serverAccountFacts } from './server-account-facts.ts';
import { renderServersCsv, SERVERS_CSV_FILE_NAME } from './servers-csv.ts';
import { directoryWithSignal } from './signal-directory.ts';

type ServersChannels = 'servers:list' | 'servers:check' | 'servers:add' | 'servers:remove' | 'servers:export-csv';

/**
 * The "Servers allowed to utilize the connector" channels.
 *
 * Every write carries the list version the admin looked at (`versionTag`, the service's
 * ETag): a save is re-judged by the core use case against the live list, refused when that
 * list is no longer the one judged, and sent with `If-Match` so a write in between is refused
 * too. This file only maps the use case's outcomes to the console's answers.
 */
export function createServersHandlers(): Pick<HandlerTable, ServersChannels> {
  return {
    'servers:list': sessionHandler(async (_request, { session, signal }) => {
      const { list, etag } = await session.client.listAuthorizedAccounts({ signal });
      const accounts = await serverAccountFacts(directoryWithSignal(session.directory, signal), list.entries);
      return { version: list.version, versionTag: etag, entries: list.entries, ...(accounts ? { accounts } : {}) };
    }),
    'servers:check': sessionHandler(
      async (request, { session, signal }) => {
        const grant = { role: request.role, account: { sid: request.sid }, connectorHosts: { from: 'service' } } as const;
        const judged = judgedOrThrow(
          await judgeAccount(directoryWithSignal(session.directory, signal), session.client, grant, signal),
          request.sid,
          session.directory.domain.dnsDomainName,
        );
        const { object, findings } = judged.judgement;
        const label = labelOf(object, session.directory.domain.netbiosDomain);
        return {
          role: request.role,
          object: { sid: object.sid, label, kind: object.kind, inFolder: object.inFolder },
          findings: [...findings],
          versionTag: judged.listing.etag,
        };
      },
      { cancellable: true },
    ),
    'servers:add': sessionHandler(async (request, { session, signal }) => {
      const outcome = await authorizeAccount(
        directoryWithSignal(session.directory, signal),
        session.client,
        {
          role: request.role,
          account: { sid: request.sid },
          connectorHosts: { from: 'service' },
          acknowledged: request.acknowledged,
          expectedVersionTag: request.versionTag,
          idempotencyKey: request.operationId,
        },
        signal,
      );
      switch (outcome.status) {
        case 'unresolved':
        case 'no-answer':
          throw notFound(request.sid, session.directory.domain.dnsDomainName);
        case 'list-changed':
          throw listChanged();
        case 'blocked':
          throw consoleFailure(
            'BLOCKED_BY_FINDINGS',
            'This grant is blocked',
            'Fix the errors the check shows before saving: the grant would be unsafe or would not work.',
            outcome.codes,
          );
        case 'needs-acknowledgement':
          throw consoleFailure(
            'NEEDS_ACKNOWLEDGEMENT',
            'Each warning needs your acknowledgement',
            'Read each warning and tick its "I understand" box, then save again.',
            outcome.codes,
          );
        case 'added': {
          const { added, judgement } = outcome;
          return {
            entry: added.result.entry,
            version: added.result.version,
            versionTag: added.etag,
            superUserFeatureEnabled: added.result.superUserFeatureEnabled,
            findings: [...judgement.findings],
          };
        }
      }
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

/** The judgement of a SID the directory knows; a SID nobody has is the directory's NOT_FOUND. */
function judgedOrThrow(judged: AccountJudgement, sid: string, dnsDomainName: string): Extract<AccountJudgement, { status: 'judged' }> {
  if (judged.status !== 'judged') throw notFound(sid, dnsDomainName);
  return judged;
}

function notFound(sid: string, dnsDomainName: string): ConsoleFailure {
  return new ConsoleFailure({
    code: 'NOT_FOUND',
    source: 'directory',
    title: 'Not found in the directory',
    message: `No object with the SID ${sid} exists in ${dnsDomainName}. It may have been deleted: check the name again.`,
  });
}
