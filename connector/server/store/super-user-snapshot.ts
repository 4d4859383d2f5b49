import {
  SnapshotSuperUserSchema,
  type SnapshotSuperUser,
  type SuperUserDifference,
  type SuperUserReview,
  type SuperUsers,
} from '../../../contract/connector-api/index.ts';
import type { NumberedContext } from './change-events.ts';
import type { ChangeContext } from './config-store.ts';
import { integer, json, optionalText, text, type Row } from './rows.ts';

/** An account as one expansion found it; the store adds when it was first seen. */
export type ExpandedSuperUser = Omit<SnapshotSuperUser, 'firstSeenAt'>;

/** The effective super users of one list version, as a node just read them from the directory. */
export type SuperUserExpansion = { readonly listVersion: number; readonly accounts: readonly ExpandedSuperUser[] };

/** What recording an expansion did: the accounts that joined and left (each recorded once), or nothing. */
export type SuperUserRecording =
  | {
      readonly status: 'recorded';
      readonly version: number;
      readonly sequence: number;
      readonly joined: readonly SnapshotSuperUser[];
      readonly left: readonly SnapshotSuperUser[];
    }
  | { readonly status: 'unchanged'; readonly version: number }
  /** Another node already recorded an expansion of a newer list: this older one is dropped. */
  | { readonly status: 'superseded'; readonly version: number };

/** Every outcome of a review. */
export type SuperUserReviewOutcome =
  { readonly status: 'reviewed'; readonly review: SuperUserReview } | { readonly status: 'stale'; readonly currentVersion: number };

/** The snapshot's bookkeeping in the settings row. */
export type SnapshotState = {
  readonly version: number;
  readonly expandedAt: string | null;
  readonly expandedBy: string | null;
  readonly listVersion: number | null;
  readonly lastReview: SuperUserReview | null;
  /** The change sequence of the last review: differences after it are "since the review". */
  readonly reviewedSequence: number;
};

/** The settings columns {@link snapshotStateFrom} reads. */
export const SNAPSHOT_STATE_COLUMNS =
  'super_users_version, super_users_expanded_at, super_users_expanded_by, super_users_list_version, super_users_reviewed_at, super_users_reviewed_by, super_users_reviewed_by_sid, super_users_reviewed_version, super_users_reviewed_sequence';

/** The snapshot's bookkeeping from the settings row. */
export function snapshotStateFrom(row: Row): SnapshotState {
  const reviewedAt = optionalText(row, 'super_users_reviewed_at');
  const listVersion = row['super_users_list_version'];
  return {
    version: integer(row, 'super_users_version'),
    expandedAt: optionalText(row, 'super_users_expanded_at'),
    expandedBy: optionalText(row, 'super_users_expanded_by'),
    listVersion: listVersion === null || listVersion === undefined ? null : integer(row, 'super_users_list_version'),
    lastReview:
      reviewedAt === null
        ? null
        : {
            at: reviewedAt,
            by: text(row, 'super_users_reviewed_by'),
            bySid: optionalText(row, 'super_users_reviewed_by_sid'),
            version: integer(row, 'super_users_reviewed_version'),
          },
    reviewedSequence: reviewedAt === null ? 0 : integer(row, 'super_users_reviewed_sequence'),
  };
}

/** Columns of `super_users`, in both stores. */
export const SNAPSHOT_COLUMNS = 'sid, name, kind, grants_json, first_seen_at';

/** One account of the snapshot from its row. */
export function snapshotSuperUserFrom(row: Row): SnapshotSuperUser {
  return SnapshotSuperUserSchema.parse({
    sid: text(row, 'sid'),
    name: text(row, 'name'),
    kind: text(row, 'kind'),
    grants: json(row, 'grants_json'),
    firstSeenAt: text(row, 'first_seen_at'),
  });
}

/** The differences recorded in the audit trail, one per `super-user.joined`/`left` row, with its change's sequence. */
export const DIFFERENCE_COLUMNS = 'action, before_json, after_json, at, node, change_sequence';

/** A difference from its audit row; the account is the record's `after` (joined) or `before` (left). */
export function differenceFrom(row: Row): SuperUserDifference {
  const joined = text(row, 'action') === 'super-user.joined';
  return {
    change: joined ? 'joined' : 'left',
    account: SnapshotSuperUserSchema.parse(json(row, joined ? 'after_json' : 'before_json')),
    at: text(row, 'at'),
    node: text(row, 'node'),
    sequence: integer(row, 'change_sequence'),
  };
}

/** The answer of `GET /v1/super-users` from what the store read. */
export function superUsersOf(state: SnapshotState, superUsers: readonly SnapshotSuperUser[], changes: readonly SuperUserDifference[]): SuperUsers {
  return {
    version: state.version,
    expandedAt: state.expandedAt,
    expandedBy: state.expandedBy,
    listVersion: state.listVersion,
    superUsers: [...superUsers],
    lastReview: state.lastReview,
    changesSinceReview: [...changes],
  };
}

/** What an expansion changes in the snapshot: who joined, who left, and the snapshot afterwards. */
export type SnapshotDiff = {
  readonly joined: readonly SnapshotSuperUser[];
  readonly left: readonly SnapshotSuperUser[];
  readonly next: readonly SnapshotSuperUser[];
};

/**
 * Compare an expansion with the stored snapshot, by SID.
 *
 * An account that stays keeps its first-seen time and takes its current grants (a new path to
 * an account already a super user is no new super user); one that joins is first seen `at`.
 */
export function diffSnapshot(previous: readonly SnapshotSuperUser[], accounts: readonly ExpandedSuperUser[], at: string): SnapshotDiff {
  const before = new Map(previous.map((account) => [account.sid.toUpperCase(), account]));
  const now = new Set(accounts.map((account) => account.sid.toUpperCase()));
  const joined: SnapshotSuperUser[] = [];
  const next = accounts.map((account) => {
    const known = before.get(account.sid.toUpperCase());
    const entry = { ...account, grants: [...account.grants], firstSeenAt: known?.firstSeenAt ?? at };
    if (!known) joined.push(entry);
    return entry;
  });
  const left = previous.filter((account) => !now.has(account.sid.toUpperCase()));
  return { joined, left, next };
}

/**
 * The most accounts one numbered change of drift carries.
 *
 * A first expansion of a large Exchange group records thousands of accounts; as one change it
 * would be one feed event of megabytes, past what a stream buffers for a client. Larger
 * differences are several consecutive changes, committed together.
 */
export const DRIFT_RECORDS_PER_CHANGE = 500;

/** Split the entries of one recording into the changes that carry them. */
export function inChanges<T>(entries: readonly T[]): T[][] {
  const changes: T[][] = [];
  for (let start = 0; start < entries.length; start += DRIFT_RECORDS_PER_CHANGE) changes.push(entries.slice(start, start + DRIFT_RECORDS_PER_CHANGE));
  return changes;
}

/** The audit entries of one recorded expansion: one per account that joined or left. */
export function driftAuditEntries(diff: SnapshotDiff): { action: 'super-user.joined' | 'super-user.left'; target: string; before: unknown; after: unknown }[] {
  return [
    ...diff.joined.map((account) => ({ action: 'super-user.joined' as const, target: account.name, before: null, after: account })),
    ...diff.left.map((account) => ({ action: 'super-user.left' as const, target: account.name, before: account, after: null })),
  ];
}

/** The audit entry of a review: the snapshot version reviewed and how many accounts it held. */
export function reviewAuditEntry(previous: SuperUserReview | null, version: number, count: number) {
  return { action: 'super-users.reviewed' as const, target: 'effective super users', before: previous, after: { version, superUsers: count } };
}

/** The review a context makes of snapshot `version`. */
export function reviewOf(context: ChangeContext | NumberedContext, version: number): SuperUserReview {
  return { at: context.at, by: context.actor, bySid: context.actorSid, version };
}
