import { authorizeAccounts } from '../../core/authorization/authorize-accounts.ts';
import { ConsoleFailure, consoleFailure, listChanged } from './console-failure.ts';
import { sessionHandler, type HandlerTable } from './handler-types.ts';
import { directoryWithSignal } from './signal-directory.ts';

/**
 * Save several accounts in one role (`alice; bob` typed, several results picked) as one change.
 *
 * Core's `authorizeAccounts` reads each SID back, judges each new entry next to the list and
 * the others, and replaces the list once with `If-Match`: every account is added or none is,
 * and a list changed since the check is refused. Cancellable while it judges.
 */
export function createAddSeveralHandlers(): Pick<HandlerTable, 'servers:add-several'> {
  return {
    'servers:add-several': sessionHandler(
      async (request, { session, signal }) => {
        const outcome = await authorizeAccounts(
          directoryWithSignal(session.directory, signal),
          session.client,
          { role: request.role, accounts: request.accounts, expectedVersionTag: request.versionTag },
          { signal },
        );
        switch (outcome.status) {
          case 'not-found':
            throw new ConsoleFailure({
              code: 'NOT_FOUND',
              source: 'directory',
              title: 'Not found in the directory',
              message: `No object has the SID ${outcome.sids.join(', ')} in ${session.directory.domain.dnsDomainName}. It may have been deleted: check the names again. Nothing was added.`,
            });
          case 'list-changed':
            throw listChanged();
          case 'blocked':
            throw consoleFailure(
              'BLOCKED_BY_FINDINGS',
              'These grants are blocked',
              'Fix the errors the check shows, or leave those accounts out, before saving: nothing was added.',
              outcome.codes,
            );
          case 'needs-acknowledgement':
            throw consoleFailure(
              'NEEDS_ACKNOWLEDGEMENT',
              'Each warning needs your acknowledgement',
              'Read each warning and tick its "I understand" box, then save again: nothing was added.',
              outcome.codes,
            );
          case 'applied': {
            const { result, etag } = outcome.replaced;
            return { added: result.added, version: result.version, versionTag: etag };
          }
        }
      },
      { cancellable: true },
    ),
  };
}
