import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Explanation } from '../../../contract/explain.ts';
import type { IpcError, Role } from '../../../contract/index.ts';
import { newOperationId, type AdminApi } from '../../api/admin-api.ts';
import type { LoadState } from '../../stores/load-state.ts';

/** The role a test answers for: one role, or any. */
export type RoleChoice = Role | 'any';

/** "Test a server…": the name and role asked, the test under way, its explanation or error. */
export type ExplainState = {
  readonly name: string;
  readonly role: RoleChoice;
  readonly loadState: LoadState;
  /** What the running or last test asked for (a candidate's SID, a picked object's SID, or the name). */
  readonly tested: string | undefined;
  readonly operationId: string | undefined;
  readonly explanation: Explanation | undefined;
  readonly error: IpcError | undefined;
  /** Set when the name field is empty on Test. */
  readonly validation: string | undefined;
  setName(name: string): void;
  setRole(role: RoleChoice): void;
  /** Test the typed name, or `account` (a candidate's or a picked object's SID) when given. */
  test(account?: string): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
};

/** The store {@link createExplainStore} returns. */
export type ExplainStore = StoreApi<ExplainState>;

const initial = {
  name: '',
  role: 'any',
  loadState: 'idle',
  tested: undefined,
  operationId: undefined,
  explanation: undefined,
  error: undefined,
  validation: undefined,
} as const;

/**
 * Build the test dialog's store over the API (`servers:explain`).
 *
 * Only the latest test may write its answer: a test cancelled or replaced while it ran is
 * dropped when it answers, and a cancelled one goes back to what was shown before.
 */
export function createExplainStore(api: AdminApi): ExplainStore {
  return createStore<ExplainState>()((set, get) => ({
    ...initial,
    setName(name) {
      set({ name, validation: undefined });
    },
    setRole(role) {
      set({ role });
    },
    async test(account) {
      const name = (account ?? get().name).trim();
      if (name === '') {
        set({ validation: 'Type the name of an account: DOMAIN\\name, name@domain, NAME$ for a computer, or its SID.' });
        return;
      }
      const previous = get().operationId;
      if (previous !== undefined) void api.call('operation:cancel', { operationId: previous });
      const operationId = newOperationId();
      const role = get().role;
      set({ loadState: 'loading', operationId, tested: name, error: undefined, validation: undefined });
      const answer = await api.call('servers:explain', { name, ...(role === 'any' ? {} : { role }), operationId });
      if (get().operationId !== operationId) return;
      if (answer.ok) set({ loadState: 'loaded', explanation: answer.value, operationId: undefined });
      else if (answer.error.code === 'CANCELLED') set({ loadState: settled(get().explanation), operationId: undefined });
      else set({ loadState: 'failed', error: answer.error, explanation: undefined, operationId: undefined });
    },
    async cancel() {
      const operationId = get().operationId;
      if (operationId === undefined) return;
      set({ loadState: settled(get().explanation), operationId: undefined });
      await api.call('operation:cancel', { operationId });
    },
    reset() {
      void get().cancel();
      set(initial);
    },
  }));
}

function settled(explanation: Explanation | undefined): LoadState {
  return explanation === undefined ? 'idle' : 'loaded';
}
