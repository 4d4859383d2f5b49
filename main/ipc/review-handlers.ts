import { entryOf } from '../../core/authorization/entry-of.ts';
import { aliveConnectorNodeNames } from '../../core/authorization/judge-account.ts';
import { gatherEntryFacts } from '../../core/policy/gather-facts.ts';
import { reviewList } from '../../core/policy/review-list.ts';
import { effectiveSuperUsers } from '../../core/policy/super-users.ts';
import { throwIfCancelled } from './abortable.ts';
import type { HandlerTable } from './handler-types.ts';
import { sessionHandler } from './handler-types.ts';
import { directoryWithSignal } from './signal-directory.ts';

/**
 * The auditor's views of the live list: effective super users and the list review.
 *
 * Both expand every group of the list, which can take a while on a large domain, so both
 * are cancellable: the directory view they use stops its searches when the admin cancels.
 */
export function createReviewHandlers(): Pick<HandlerTable, 'review:super-users' | 'review:list'> {
  return {
    'review:super-users': sessionHandler(
      async (_request, { session, signal }) => {
        const { list } = await session.client.listAuthorizedAccounts({ signal });
        const found = await effectiveSuperUsers(directoryWithSignal(session.directory, signal), list.entries.map(entryOf));
        throwIfCancelled(signal);
        return {
          superUsers: found.superUsers.map(({ account, grants }) => ({
            account,
            grants: grants.map((grant) => ({ entry: grant.entry, path: [...grant.path], throughPrimaryGroup: grant.throughPrimaryGroup })),
          })),
          orphanedEntries: [...found.orphanedEntries],
          listVersion: list.version,
        };
      },
      { cancellable: true },
    ),
    'review:list': sessionHandler(
      async (_request, { session, signal }) => {
        const [{ list }, connectorNodeNames] = await Promise.all([
          session.client.listAuthorizedAccounts({ signal }),
          aliveConnectorNodeNames(session.client, signal),
        ]);
        const directory = directoryWithSignal(session.directory, signal);
        const facts = await gatherEntryFacts(directory, list.entries.map(entryOf), connectorNodeNames, 'ignore');
        throwIfCancelled(signal);
        const findings = reviewList(facts.entries, facts.members, facts.connectorNodes, directory.domain.netbiosDomain);
        return { findings, entries: list.entries.length, listVersion: list.version };
      },
      { cancellable: true },
    ),
  };
}
