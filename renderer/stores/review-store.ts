import type { AdminApi } from '../api/admin-api.ts';
import { createOperationStore } from './operation-store.ts';

/**
 * The review of the whole live list (orphans, overlaps, disabled accounts, broad principals).
 *
 * Every entry is resolved against the directory, so it runs as a cancellable operation.
 */
export function createReviewStore(api: AdminApi) {
  return createOperationStore(api, (operationId) => api.call('review:list', { operationId }));
}

/** A review store (see {@link createReviewStore}). */
export type ReviewStore = ReturnType<typeof createReviewStore>;
