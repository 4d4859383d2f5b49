import { randomUUID } from 'node:crypto';
import { ReplaceAuthorizedAccountsResultSchema, type AuthorizedAccount } from '../../../contract/connector-api/index.ts';
import type { AppliedListChange, ChangeContext, ListChange, ListChangeOutcome } from './config-store.ts';
import { versionMatches } from './expected-version.ts';

/** What a list change needs to know of the stored list, read inside its write transaction. */
export type ListChangeState = {
  readonly version: number;
  /** The stored answer under the change's idempotency key, if one was stored. */
  readonly idempotencyRecord: { readonly fingerprint: string; readonly resultJson: string } | null;
  /** Stored entries whose id the change removes. */
  readonly byId: ReadonlyMap<string, AuthorizedAccount>;
  /** Stored entries holding a SID and role the change adds, keyed by {@link sidRoleKey}. */
  readonly bySidAndRole: ReadonlyMap<string, AuthorizedAccount>;
};

/** The writes of a change that passed every check. */
export type ListChangeWrites = { readonly added: readonly AuthorizedAccount[]; readonly removed: readonly AuthorizedAccount[] };

/** What {@link planListChange} decided: refuse or replay with an outcome, or write. */
export type ListChangePlan = { readonly outcome: ListChangeOutcome } | { readonly writes: ListChangeWrites; readonly context: ChangeContext };

// Stored results are read back through a schema: a replay must answer exactly what was applied.
// An applied change has the shape of an import's result (added, removed, version, super users).
const AppliedListChangeSchema = ReplaceAuthorizedAccountsResultSchema;

/** The key of one SID in one role, as {@link ListChangeState.bySidAndRole} holds it. */
export function sidRoleKey(sid: string, role: string): string {
  return JSON.stringify([sid, role]);
}

/** The ids a change removes, once each: a repeated id removes one entry once. */
export function idsToRemove(change: ListChange): string[] {
  return [...new Set(change.remove)];
}

/**
 * Decide a list change against the stored state, before anything is written.
 *
 * The one home of the rules both stores apply (SQLite and PostgreSQL read the state their own
 * way, in their own transaction): idempotency replay and key reuse, the version precondition,
 * missing entries, duplicates — also within the change — and an entry removed and re-added in
 * one change getting a new id.
 */
export function planListChange(change: ListChange, state: ListChangeState, context: ChangeContext): ListChangePlan {
  const { idempotency } = change;
  if (idempotency && state.idempotencyRecord) {
    if (state.idempotencyRecord.fingerprint !== idempotency.fingerprint) return { outcome: { status: 'key-reused' } };
    return { outcome: { status: 'replayed', change: AppliedListChangeSchema.parse(JSON.parse(state.idempotencyRecord.resultJson)) } };
  }
  if (!versionMatches(change.expectedVersion, state.version)) return { outcome: { status: 'stale', currentVersion: state.version } };

  const removed: AuthorizedAccount[] = [];
  for (const id of idsToRemove(change)) {
    const entry = state.byId.get(id);
    if (!entry) return { outcome: { status: 'missing', id } };
    removed.push(entry);
  }
  const removedIds = new Set(removed.map((entry) => entry.id));
  const added = new Map<string, AuthorizedAccount>();
  for (const entry of change.add) {
    const key = sidRoleKey(entry.sid, entry.role);
    const earlier = added.get(key);
    if (earlier) return { outcome: { status: 'duplicate', existing: earlier } };
    const stored = state.bySidAndRole.get(key);
    if (stored && !removedIds.has(stored.id)) return { outcome: { status: 'duplicate', existing: stored } };
    const { sid, name, role, kind } = entry;
    added.set(key, { id: randomUUID(), sid, name, role, kind, addedBy: context.actor, addedAt: context.at });
  }
  return { writes: { added: [...added.values()], removed }, context };
}

/**
 * Whether applying `writes` switches the super-user feature on.
 *
 * Exchange needs super-user rights to decrypt for its services, so adding an Exchange entry
 * switches the feature on in the same change.
 */
export function switchesSuperUserOn(writes: ListChangeWrites, enabledBefore: boolean): boolean {
  return !enabledBefore && writes.added.some((entry) => entry.role === 'exchange');
}

/** Whether the list's version moves: an empty change keeps it, so other clients' conditional writes do not fail for nothing. */
export function changesVersion(writes: ListChangeWrites): boolean {
  return writes.added.length + writes.removed.length > 0;
}

/** The audit target of an entry: its name and role. */
export function entryTarget(entry: AuthorizedAccount): string {
  return `${entry.name} (${entry.role})`;
}

/** The result of an applied change, as stored for a replay and answered to the client. */
export function appliedChange(writes: ListChangeWrites, version: number, superUserFeatureEnabled: boolean): AppliedListChange {
  return { version, added: writes.added, removed: writes.removed, superUserFeatureEnabled };
}
