import type { AdminApi } from '../api/admin-api.ts';
import { createHealthStore } from '../features/health/health-store.ts';
import { createPropertiesStore } from '../features/properties/properties-store.ts';
import { createServerConfigStore } from '../features/server-config/server-config-store.ts';
import { createSuperUserDriftStore } from '../features/super-users/super-user-drift-store.ts';
import { createAuditStore } from './audit-store.ts';
import { createLiveChangesStore, touchesAny } from './live-changes-store.ts';
import { createReviewStore } from './review-store.ts';
import { createServersStore } from './servers-store.ts';
import { createSessionStore } from './session-store.ts';
import { createSuperUsersStore } from './super-users-store.ts';

/**
 * The API as the data stores use it: a `NOT_SIGNED_IN` answer (the session expired or main
 * restarted) also signs this window out, so the admin lands on the sign-in page.
 */
function signingOutOnExpiry(api: AdminApi, onSignedOut: () => void): AdminApi {
  return {
    async call(channel, request) {
      const result = await api.call(channel, request);
      // After the caller has stored its own answer, so the reset that follows is the last word.
      if (!result.ok && result.error.code === 'NOT_SIGNED_IN') setTimeout(onSignedOut, 0);
      return result;
    },
    subscribe: (listener) => api.subscribe(listener),
  };
}

/**
 * Every store of the console, each built on the one API.
 *
 * Made once by the composition root (`renderer/main.tsx`) and by tests; signing out (or a
 * session expiring) empties the data stores so the next admin never sees the previous list.
 * Main's pushed events feed the live-changes store from the start; a change of the list
 * re-reads the servers list (once it has been read) without the admin pressing Refresh.
 */
export function createAppStores(api: AdminApi) {
  const session = createSessionStore(api);
  const dataApi = signingOutOnExpiry(api, () => {
    session.setState({ session: null });
  });
  const stores = {
    session,
    servers: createServersStore(dataApi),
    superUsers: createSuperUsersStore(dataApi),
    superUserDrift: createSuperUserDriftStore(dataApi),
    review: createReviewStore(dataApi),
    audit: createAuditStore(dataApi),
    health: createHealthStore(dataApi),
    serverConfig: createServerConfigStore(dataApi),
    live: createLiveChangesStore(api),
    properties: createPropertiesStore(dataApi),
  };
  api.subscribe((event) => {
    stores.live.getState().apply(event);
  });
  stores.live.subscribe((state, previous) => {
    if (state.latest !== undefined && state.latest !== previous.latest && touchesAny(state.latest, ['list'])) void stores.servers.getState().reread();
  });
  stores.session.subscribe((state, previous) => {
    if (state.session !== null && previous.session === null) void stores.live.getState().syncStatus();
    if (previous.session !== null && state.session === null) {
      stores.live.setState(stores.live.getInitialState(), true);
      stores.servers.setState(stores.servers.getInitialState(), true);
      stores.superUsers.setState(stores.superUsers.getInitialState(), true);
      stores.superUserDrift.setState(stores.superUserDrift.getInitialState(), true);
      stores.review.setState(stores.review.getInitialState(), true);
      stores.audit.setState(stores.audit.getInitialState(), true);
      stores.health.setState(stores.health.getInitialState(), true);
      stores.serverConfig.setState(stores.serverConfig.getInitialState(), true);
      stores.properties.setState(stores.properties.getInitialState(), true);
    }
  });
  return stores;
}

/** The console's stores (see {@link createAppStores}). */
export type AppStores = ReturnType<typeof createAppStores>;
