import { entryOf } from '../../core/authorization/entry-of.ts';
import { checkExplainInput, explainAccess } from '../../core/policy/explain-access.ts';
import { throwIfCancelled } from './abortable.ts';
import type { HandlerTable } from './handler-types.ts';
import { sessionHandler } from './handler-types.ts';
import { directoryWithSignal } from './signal-directory.ts';

/**
 * "Test a server…": why the connector admits or refuses one account, as `explain` answers it.
 *
 * A thin adapter over core's `explainAccess`, judged against the live list of the service
 * signed in to with the session's directory. What cannot be one account's name (a pattern, an
 * oversized name) is refused before the list or the directory is asked; a group is refused by
 * the core once resolved. Cancellable: the directory view stops its searches on Cancel.
 */
export function createExplainHandlers(): Pick<HandlerTable, 'servers:explain'> {
  return {
    'servers:explain': sessionHandler(
      async (request, { session, signal }) => {
        checkExplainInput(request.name);
        const { list } = await session.client.listAuthorizedAccounts({ signal });
        throwIfCancelled(signal);
        const explanation = await explainAccess(directoryWithSignal(session.directory, signal), list.entries.map(entryOf), request.name, {
          role: request.role,
          signal,
        });
        throwIfCancelled(signal);
        return explanation;
      },
      { cancellable: true },
    ),
  };
}
