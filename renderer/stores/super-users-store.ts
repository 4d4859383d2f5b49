import type { AdminApi } from '../api/admin-api.ts';
import { createOperationStore } from './operation-store.ts';

/**
 * The effective super users: every account an Exchange entry makes a super user.
 *
 * The expansion walks nested groups across the forest, so it runs as a cancellable operation.
 */
export function createSuperUsersStore(api: AdminApi) {
  return createOperationStore(api, (operationId) => api.call('review:super-users', { operationId }));
}

/** A super-users store (see {@link createSuperUsersStore}). */
export type SuperUsersStore = ReturnType<typeof createSuperUsersStore>;
