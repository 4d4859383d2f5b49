import { createStore } from 'zustand/vanilla';
import type { IpcError } from '../../../contract/index.ts';
import type { SuperUserReview, SuperUsersSnapshotView } from '../../../contract/super-user-drift.ts';
import { newOperationId, type AdminApi } from '../../api/admin-api.ts';
import type { LoadState } from '../../stores/load-state.ts';

/** Where "Mark as reviewed" stands: not asked, asking, done, or refused (with why). */
export type ReviewState = 'idle' | 'saving' | 'saved' | 'failed';

/** The service's drift snapshot on the Effective super users page, and the review action. */
export type SuperUserDriftState = {
  readonly view: SuperUsersSnapshotView | undefined;
  readonly loadState: LoadState;
  readonly error: IpcError | undefined;
  readonly reviewState: ReviewState;
  readonly reviewError: IpcError | undefined;
  /** The review just recorded, for the confirmation line. */
  readonly reviewed: SuperUserReview | undefined;
  load(): Promise<void>;
  review(version: number): Promise<void>;
};

/**
 * Build the drift store over the API (`super-users:snapshot`, `super-users:review`).
 *
 * Only the latest read writes its answer. A review is conditional on the version shown; when
 * the set changed meanwhile (`SUPER_USERS_CHANGED`) the snapshot is read again, so the page
 * shows the new changes under the error that says so.
 */
export function createSuperUserDriftStore(api: AdminApi) {
  let latestRead = 0;
  return createStore<SuperUserDriftState>()((set, get) => ({
    view: undefined,
    loadState: 'idle',
    error: undefined,
    reviewState: 'idle',
    reviewError: undefined,
    reviewed: undefined,
    async load() {
      const read = ++latestRead;
      set({ loadState: get().view === undefined ? 'loading' : get().loadState, error: undefined });
      const answer = await api.call('super-users:snapshot', {});
      if (read !== latestRead) return;
      if (!answer.ok) {
        set({ loadState: 'failed', error: answer.error });
        return;
      }
      // "Marked as reviewed" holds only while the page shows the version that was reviewed.
      const reviewedShown = answer.value.kept && answer.value.snapshot.version === get().reviewed?.version;
      set({ view: answer.value, loadState: 'loaded', ...(get().reviewState === 'saved' && !reviewedShown ? { reviewState: 'idle' as const } : {}) });
    },
    async review(version) {
      set({ reviewState: 'saving', reviewError: undefined });
      const answer = await api.call('super-users:review', { version, operationId: newOperationId() });
      if (answer.ok) {
        set({ reviewState: 'saved', reviewed: answer.value.review });
      } else {
        set({ reviewState: 'failed', reviewError: answer.error });
      }
      await get().load();
    },
  }));
}

/** A drift store (see {@link createSuperUserDriftStore}). */
export type SuperUserDriftStore = ReturnType<typeof createSuperUserDriftStore>;
