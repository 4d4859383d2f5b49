import { createStore } from 'zustand/vanilla';
import type { IpcError, IpcResult } from '../../contract/index.ts';
import { newOperationId, type AdminApi } from '../api/admin-api.ts';
import type { LoadState } from './load-state.ts';

/** The result of a long, cancellable read (the super-user expansion, the list review). */
export type OperationState<T> = {
  readonly result: T | undefined;
  readonly loadState: LoadState;
  readonly error: IpcError | undefined;
  /** The id of the run in progress, for `operation:cancel`. */
  readonly operationId: string | undefined;
  run(): Promise<void>;
  cancel(): Promise<void>;
};

/**
 * A store for one long read that the admin may cancel.
 *
 * Only the latest run may write its answer (an older one finishing late is dropped), and a
 * cancelled run returns to what was there before instead of showing "cancelled" as an error.
 */
export function createOperationStore<T>(api: AdminApi, start: (operationId: string) => Promise<IpcResult<T>>) {
  return createStore<OperationState<T>>()((set, get) => ({
    result: undefined,
    loadState: 'idle',
    error: undefined,
    operationId: undefined,
    async run() {
      const operationId = newOperationId();
      set({ loadState: 'loading', operationId, error: undefined });
      const answer = await start(operationId);
      if (get().operationId !== operationId) return;
      if (answer.ok) {
        set({ result: answer.value, loadState: 'loaded', operationId: undefined });
      } else if (answer.error.code === 'CANCELLED') {
        set({ loadState: settledState(get().result), operationId: undefined });
      } else {
        set({ loadState: 'failed', error: answer.error, operationId: undefined });
      }
    },
    async cancel() {
      const operationId = get().operationId;
      if (operationId === undefined) return;
      set({ loadState: settledState(get().result), operationId: undefined });
      await api.call('operation:cancel', { operationId });
    },
  }));
}

function settledState(result: unknown): LoadState {
  return result === undefined ? 'idle' : 'loaded';
}
