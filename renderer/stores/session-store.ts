import { createStore } from 'zustand/vanilla';
import type { IpcError, IpcRequest, IpcResult, SessionSummary } from '../../contract/index.ts';
import type { AdminApi } from '../api/admin-api.ts';
import type { LoadState } from './load-state.ts';

/** Who is signed in (or nobody), and whether the console has asked main yet. */
export type SessionState = {
  readonly session: SessionSummary | null;
  /** State of the startup check (`session:current`); the sign-in page waits for it. */
  readonly loadState: LoadState;
  readonly error: IpcError | undefined;
  resume(): Promise<void>;
  signIn(request: IpcRequest<'session:sign-in'>): Promise<IpcResult<SessionSummary>>;
  /** Start the demo environment (if needed) and sign in to it; main keeps its passwords. */
  startDemo(operationId: string): Promise<IpcResult<SessionSummary>>;
  signOut(): Promise<IpcResult<{ signedOut: boolean }>>;
};

/**
 * The session store, built on the API.
 *
 * The session lives in main (tokens and directory binds never reach the renderer); this
 * store only mirrors its summary, so a reloaded window resumes with `session:current`.
 */
export function createSessionStore(api: AdminApi) {
  return createStore<SessionState>()((set) => ({
    session: null,
    loadState: 'idle',
    error: undefined,
    async resume() {
      set({ loadState: 'loading' });
      const result = await api.call('session:current', {});
      set(result.ok ? { session: result.value, loadState: 'loaded', error: undefined } : { loadState: 'failed', error: result.error });
    },
    async signIn(request) {
      const result = await api.call('session:sign-in', request);
      if (result.ok) set({ session: result.value, loadState: 'loaded', error: undefined });
      return result;
    },
    async startDemo(operationId) {
      const result = await api.call('demo:start', { operationId });
      if (result.ok) set({ session: result.value, loadState: 'loaded', error: undefined });
      return result;
    },
    async signOut() {
      const result = await api.call('session:sign-out', {});
      // Whatever main answers, this window stops acting for the admin.
      set({ session: null });
      return result;
    },
  }));
}

/** A session store (see {@link createSessionStore}). */
export type SessionStore = ReturnType<typeof createSessionStore>;
