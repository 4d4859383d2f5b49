import type { AuthorizedAccount, DirectoryObject, EffectiveSuperUsers, ObjectKind } from '../../../contract/index.ts';
import type { SnapshotGrant, SuperUsers } from '../../../contract/super-user-drift.ts';
import { formatDateTime } from '../../format/date-time.ts';
import { kindLabel } from '../../format/labels.ts';
import { grantChain } from '../super-users/drift-view-model.ts';

/** One account an Exchange entry makes a super user, and how it gets in. */
export type ExposedAccount = {
  readonly sid: string;
  /** `DOMAIN\sam`, as the directory names it. */
  readonly name: string;
  readonly kind: ObjectKind;
  readonly kindText: string;
  /** Not an Exchange server's computer account (a person or a service account): an elevation risk. */
  readonly notAServer: boolean;
  /** Each way in through this entry, as entry › group › … › account. */
  readonly paths: readonly string[];
};

/**
 * What the console knows about an Exchange entry's super users.
 *
 * `known`: the accounts, from the service's snapshot or main's own expansion, and when that
 * was; `pending`: neither covers the entry yet (the service is expanding a new entry, or the
 * expansion is still running), so no count is shown rather than a wrong one.
 */
export type EntryExposure =
  | { readonly status: 'known'; readonly accounts: readonly ExposedAccount[]; readonly source: 'service' | 'console'; readonly asOf: string }
  | { readonly status: 'pending' };

/** What the exposure is read from: the service's drift snapshot and main's expansion, either may be missing. */
export type ExposureSources = {
  readonly snapshot: SuperUsers | undefined;
  readonly expansion: EffectiveSuperUsers | undefined;
  /** The version of the list the grid shows. */
  readonly listVersion: number | undefined;
  readonly netbiosDomain: string;
};

/**
 * Whether the service's snapshot already expanded this entry.
 *
 * Expanded at the list version shown, it covers every entry; an older expansion covers the
 * entries added before it ran (adding a SharePoint server moves the list, not the super users).
 */
function snapshotCovers(snapshot: SuperUsers, entry: AuthorizedAccount, listVersion: number | undefined): boolean {
  if (snapshot.expandedAt === null) return false;
  if (snapshot.listVersion !== null && snapshot.listVersion === listVersion) return true;
  return Date.parse(snapshot.expandedAt) >= Date.parse(entry.addedAt);
}

function byName(left: ExposedAccount, right: ExposedAccount): number {
  return left.name.localeCompare(right.name);
}

function fromSnapshot(snapshot: SuperUsers, entry: AuthorizedAccount): ExposedAccount[] {
  const sid = entry.sid.toUpperCase();
  return snapshot.superUsers.flatMap((account) => {
    const grants = account.grants.filter((grant) => grant.entrySid.toUpperCase() === sid);
    if (grants.length === 0) return [];
    return [
      exposed(
        account.sid,
        account.name,
        account.kind,
        grants.map((grant) => grantChain(account, grant)),
      ),
    ];
  });
}

function fromExpansion(expansion: EffectiveSuperUsers, entry: AuthorizedAccount, netbiosDomain: string): ExposedAccount[] {
  const sid = entry.sid.toUpperCase();
  return expansion.superUsers.flatMap(({ account, grants }) => {
    const name = accountName(account, netbiosDomain);
    const paths = grants
      .filter((grant) => grant.entry.sid.toUpperCase() === sid)
      .map((grant): SnapshotGrant => ({
        entrySid: grant.entry.sid,
        entryName: grant.entry.name,
        path: grant.path,
        throughPrimaryGroup: grant.throughPrimaryGroup,
      }))
      .map((grant) => grantChain({ name }, grant));
    return paths.length === 0 ? [] : [exposed(account.sid, name, account.kind, paths)];
  });
}

function exposed(sid: string, name: string, kind: ObjectKind, paths: readonly string[]): ExposedAccount {
  return { sid, name, kind, kindText: kindLabel(kind), notAServer: kind !== 'computer', paths };
}

/** `DOMAIN\sam` for a directory object, its name where it has no logon name. */
export function accountName(account: Pick<DirectoryObject, 'name' | 'samAccountName'>, netbiosDomain: string): string {
  return account.samAccountName === undefined || netbiosDomain === '' ? account.name : `${netbiosDomain}\\${account.samAccountName}`;
}

/**
 * The super users an Exchange entry makes, from the freshest source that covers it.
 *
 * Undefined for an entry of another role. The service's snapshot comes first (every admin
 * sees the same answer, and it is kept live by the service); main's expansion of the list
 * shown serves a service that keeps no snapshot or has not expanded yet. Nothing is
 * recomputed here: both sources already hold each account's grants and paths per entry.
 */
export function exposureOf(entry: AuthorizedAccount, sources: ExposureSources): EntryExposure | undefined {
  if (entry.role !== 'exchange') return undefined;
  const { snapshot, expansion } = sources;
  if (snapshot !== undefined && snapshotCovers(snapshot, entry, sources.listVersion))
    return { status: 'known', accounts: fromSnapshot(snapshot, entry).sort(byName), source: 'service', asOf: snapshot.expandedAt ?? '' };
  if (expansion !== undefined && expansion.listVersion === sources.listVersion)
    return { status: 'known', accounts: fromExpansion(expansion, entry, sources.netbiosDomain).sort(byName), source: 'console', asOf: '' };
  return { status: 'pending' };
}

/** "Super user · 3 accounts", or that the count is not known yet: the badge's text and accessible name. */
export function badgeText(exposure: EntryExposure): string {
  if (exposure.status === 'pending') return 'Super user · count not known yet';
  const count = exposure.accounts.length;
  return `Super user · ${String(count)} ${count === 1 ? 'account' : 'accounts'}`;
}

/** Where the count comes from, in words, under the dialog's title. */
export function sourceText(exposure: EntryExposure): string {
  if (exposure.status === 'pending')
    return 'The connector service has not expanded this entry yet. The count appears here as soon as it has; the list updates by itself.';
  const risky = exposure.accounts.filter((account) => account.notAServer).length;
  const where =
    exposure.source === 'service'
      ? `As the connector service expanded the Exchange entries on ${formatDateTime(exposure.asOf)}.`
      : 'As this console expanded the list just now.';
  const warning = risky === 0 ? '' : ` ${String(risky)} ${risky === 1 ? 'is' : 'are'} not an Exchange server's computer account.`;
  return `${where}${warning}`;
}
