import type { SnapshotGrant, SnapshotSuperUser, SuperUserDifference, SuperUsers } from '../../../contract/super-user-drift.ts';
import { formatDateTime } from '../../format/date-time.ts';
import { kindLabel } from '../../format/labels.ts';

/** One change since the last review as the page shows it: who, what, when, where, and why. */
export type DriftRow = {
  readonly key: string;
  readonly change: SuperUserDifference['change'];
  readonly accountName: string;
  readonly kind: string;
  /** A person or a service account (not a server's computer account) that can open everything: said in words and a badge. */
  readonly notAServer: boolean;
  readonly when: string;
  readonly node: string;
  /** Each grant as entry › group › … › account. */
  readonly paths: readonly string[];
};

/**
 * One grant as the chain an admin follows in Active Directory: entry › groups › account.
 *
 * `path` runs from the entry's group (its first element) down to the group holding the
 * account, empty when the entry is the account itself. The entry is named as the list names
 * it (`CORP\sam`), the groups below it as the path names them, and the account closes the chain.
 */
export function grantChain(account: Pick<SnapshotSuperUser, 'name'>, grant: SnapshotGrant): string {
  const chain = grant.path.length === 0 ? [account.name] : [grant.entryName, ...grant.path.slice(1), account.name];
  return `${chain.join(' › ')}${grant.throughPrimaryGroup ? ' (primary group)' : ''}`;
}

/** The changes since the last review, newest first, ready to show. */
export function driftRows(snapshot: SuperUsers): DriftRow[] {
  return [...snapshot.changesSinceReview]
    .sort((left, right) => right.sequence - left.sequence)
    .map((difference) => ({
      key: `${String(difference.sequence)}-${difference.account.sid}`,
      change: difference.change,
      accountName: difference.account.name,
      kind: kindLabel(difference.account.kind),
      notAServer: difference.account.kind !== 'computer',
      when: formatDateTime(difference.at),
      node: difference.node,
      paths: difference.account.grants.map((grant) => grantChain(difference.account, grant)),
    }));
}

/**
 * The SIDs of the super users that joined since the last review and are still super users.
 *
 * An account that joined and left again is not highlighted in the list of all super users
 * (it is not in it); the changes section still shows both events.
 */
export function joinedSinceReview(snapshot: SuperUsers): ReadonlySet<string> {
  const current = new Set(snapshot.superUsers.map((account) => account.sid));
  const latest = new Map<string, SuperUserDifference['change']>();
  for (const difference of [...snapshot.changesSinceReview].sort((left, right) => left.sequence - right.sequence))
    latest.set(difference.account.sid, difference.change);
  return new Set([...latest].filter(([sid, change]) => change === 'joined' && current.has(sid)).map(([sid]) => sid));
}

/** "Last reviewed 5 Dec 2026, 09:00 by CORP\alice", or "Never reviewed". */
export function lastReviewText(snapshot: SuperUsers): string {
  const review = snapshot.lastReview;
  return review === null ? 'Never reviewed' : `Last reviewed ${formatDateTime(review.at)} by ${review.by}`;
}

/** "Expanded 5 Dec 2026, 09:00 by RMSCON01", or that no node has expanded the list yet. */
export function expandedText(snapshot: SuperUsers): string {
  if (snapshot.expandedAt === null) return 'Not expanded by the service yet: it expands the Exchange entries after a list change and on its schedule.';
  return `Expanded ${formatDateTime(snapshot.expandedAt)}${snapshot.expandedBy === null ? '' : ` by ${snapshot.expandedBy}`}`;
}

/** The confirmation's sentence: how many changes "Mark as reviewed" acknowledges. */
export function reviewConfirmation(snapshot: SuperUsers): string {
  const count = snapshot.changesSinceReview.length;
  const changes = count === 0 ? 'no changes' : count === 1 ? '1 change' : `${String(count)} changes`;
  return `You acknowledge ${changes} since the last review and the ${String(snapshot.superUsers.length)} current super user${snapshot.superUsers.length === 1 ? '' : 's'} as reviewed (version ${String(snapshot.version)}). The review is recorded in the audit log under your name.`;
}
