import type { AuthorizedEntry, Role } from '../../contract/policy.ts';
import type { Directory } from '../directory/index.ts';
import { labelOf } from '../policy/finding.ts';
import { importList, type ListImportOutcome } from './import-list.ts';
import type { ListImportOptions, ListImportService } from './judge-list-import.ts';
import { resolveAccount } from './resolve-account.ts';

/** Several accounts to add in one role: each by SID with the warnings acknowledged for it, and the list version judged. */
export type SeveralAccountsRequest = {
  readonly role: Role;
  readonly accounts: readonly { readonly sid: string; readonly acknowledged: readonly string[] }[];
  readonly expectedVersionTag: string;
};

/** How adding several ended: nothing is written unless `applied` (see {@link ListImportOutcome}); `not-found` names SIDs nobody has. */
export type SeveralAccountsOutcome = { readonly status: 'not-found'; readonly sids: readonly string[] } | ListImportOutcome;

/**
 * Add several accounts in one role as one change: every one of them or none.
 *
 * Each SID is read back from the directory (the name stored is its `DOMAIN\sAMAccountName`),
 * then the list as it is plus the new entries goes through `importList`: each new entry judged
 * next to the rest, its errors refused, its warnings acknowledged by code, the list's version
 * checked, and one conditional replace. The Windows object picker's `alice; bob` and a
 * multi-selection thus never leave half of a choice written when the second one is refused.
 */
export async function authorizeAccounts(
  directory: Directory,
  service: ListImportService,
  request: SeveralAccountsRequest,
  options: Omit<ListImportOptions, 'judgeUnchanged' | 'listing'> = {},
): Promise<SeveralAccountsOutcome> {
  const { signal } = options;
  const listing = await service.listAuthorizedAccounts(signal === undefined ? {} : { signal });
  const added = new Map<string, { readonly entry: AuthorizedEntry; readonly acknowledged: readonly string[] }>();
  const missing: string[] = [];
  for (const account of request.accounts) {
    const lookup = await resolveAccount(directory, { sid: account.sid });
    signal?.throwIfAborted();
    if (lookup.status !== 'resolved') missing.push(account.sid);
    else if (!added.has(lookup.object.sid)) {
      const entry = { sid: lookup.object.sid, name: labelOf(lookup.object, directory.domain.netbiosDomain), role: request.role };
      added.set(entry.sid, { entry, acknowledged: account.acknowledged });
    }
  }
  if (missing.length > 0) return { status: 'not-found', sids: missing };
  const kept = listing.list.entries.map(({ sid, name, role }): AuthorizedEntry => ({ sid, name, role }));
  const chosen = [...added.values()];
  return importList(
    directory,
    service,
    {
      wanted: [...kept, ...chosen.map(({ entry }) => entry)],
      expectedVersionTag: request.expectedVersionTag,
      acknowledged: chosen.map(({ entry, acknowledged }) => ({ sid: entry.sid, role: entry.role, codes: acknowledged })),
    },
    { ...options, judgeUnchanged: false, listing },
  );
}
