import type { DirectoryObject } from '../../contract/directory.ts';
import type { AuthorizedEntry } from '../../contract/policy.ts';
import type { Directory } from '../directory/index.ts';
import { createGroupExpander, type ReachedThrough } from './expand-group.ts';
import { distinctSids, objectsBySid, resolveInBatches } from './resolve-entries.ts';

/**
 * One reason an account is a super user: the Exchange entry and the chain of groups to it.
 *
 * `path` runs from the entry's group down to the group the account is a direct member of
 * (empty when the entry is the account itself); `throughPrimaryGroup` says that last link is
 * the account's primary group, which Active Directory Users and Computers does not show in
 * the group's Members tab — the admin would otherwise not find it.
 */
export type SuperUserGrant = {
  readonly entry: AuthorizedEntry;
  readonly path: readonly string[];
  readonly throughPrimaryGroup: boolean;
};

/** An account that is a super user, with every Exchange entry that makes it one. */
export type SuperUser = { readonly account: DirectoryObject; readonly grants: readonly SuperUserGrant[] };

/**
 * The effective super users of a list, and the Exchange entries that no longer resolve.
 *
 * Orphaned Exchange entries grant nothing today, but they are reported so the admin can
 * remove them before a new account could ever be mistaken for the old one.
 */
export type EffectiveSuperUsers = { readonly superUsers: readonly SuperUser[]; readonly orphanedEntries: readonly AuthorizedEntry[] };

/**
 * Expand every Exchange entry of a list into the accounts that become super users.
 *
 * Every account an Exchange entry covers gets the super-user role over all protected content
 * (RMS connector documentation), so an auditor needs each one with the path that grants it.
 * Accounts are listed once, with every entry that grants them; the walk counts primary-group
 * members and stops on membership cycles (see {@link createGroupExpander}).
 */
export async function effectiveSuperUsers(directory: Directory, list: readonly AuthorizedEntry[]): Promise<EffectiveSuperUsers> {
  const exchangeEntries = list.filter((entry) => entry.role === 'exchange');
  const sids = distinctSids(exchangeEntries);
  const bySid = objectsBySid(sids, await resolveInBatches(directory, sids));
  const orphanedEntries = exchangeEntries.filter((entry) => !bySid.has(entry.sid.toUpperCase()));
  const resolved = exchangeEntries.flatMap((entry) => {
    const object = bySid.get(entry.sid.toUpperCase());
    return object ? [{ entry, object }] : [];
  });
  const expand = createGroupExpander(directory);
  const reachedPerEntry = await Promise.all(
    resolved.map(async ({ object }): Promise<readonly ReachedThrough[]> =>
      object.kind === 'group' ? (await expand(object)).reached : [{ account: object, path: [], throughPrimaryGroup: false }],
    ),
  );
  const superUsers = new Map<string, { account: DirectoryObject; grants: SuperUserGrant[] }>();
  resolved.forEach(({ entry }, index) => {
    for (const { account, path, throughPrimaryGroup } of reachedPerEntry[index] ?? []) {
      const superUser = superUsers.get(account.sid) ?? { account, grants: [] };
      superUser.grants.push({ entry, path, throughPrimaryGroup });
      superUsers.set(account.sid, superUser);
    }
  });
  const sorted = [...superUsers.values()].sort((left, right) => labelOf(left.account).localeCompare(labelOf(right.account)));
  return { superUsers: sorted, orphanedEntries };
}

function labelOf(account: DirectoryObject): string {
  return account.samAccountName ?? account.name;
}
