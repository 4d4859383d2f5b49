import { createStore } from 'zustand/vanilla';
import type { ChosenCaFile, HealthProgress, HealthReport, IpcError } from '../../../contract/index.ts';
import { newOperationId, type AdminApi } from '../../api/admin-api.ts';
import { rememberConnectorUrl, rememberedConnectorUrl } from '../../stores/connector-url-memory.ts';
import type { LoadState } from '../../stores/load-state.ts';

/** What the admin gave: the connector URL, the CA file main holds (null for none) and the proxy address. */
export type HealthForm = { readonly connectorUrl: string; readonly caFile: ChosenCaFile | null; readonly proxyUrl: string };

/** The Deployment health view's state: the form, the last report, the run in progress. */
export type HealthState = {
  readonly form: HealthForm;
  readonly report: HealthReport | undefined;
  readonly loadState: LoadState;
  readonly error: IpcError | undefined;
  readonly operationId: string | undefined;
  /** How far the running check has got; undefined until main first says. */
  readonly progress: NonNullable<HealthProgress> | undefined;
  update(patch: Partial<HealthForm>): void;
  run(): Promise<void>;
  cancel(): Promise<void>;
};

/** How often a running check is asked how far it has got. */
const PROGRESS_INTERVAL_MS = 400;

/**
 * The Deployment health store: runs every check through `health:run` and, while it runs,
 * asks `health:progress` how far it has got ("5 of 17").
 *
 * Only the latest run may write its answer; cancelling returns to the previous report, as the
 * other long operations do. The connector URL starts from the one last used (shared with
 * Configure servers).
 */
export function createHealthStore(api: AdminApi) {
  return createStore<HealthState>()((set, get) => {
    const pollProgress = (operationId: string): void => {
      setTimeout(() => {
        if (get().operationId !== operationId) return;
        void api.call('health:progress', { operationId }).then((answer) => {
          if (get().operationId !== operationId) return;
          if (answer.ok && answer.value !== null) set({ progress: answer.value });
          pollProgress(operationId);
        });
      }, PROGRESS_INTERVAL_MS);
    };
    return {
      form: { connectorUrl: rememberedConnectorUrl(), caFile: null, proxyUrl: '' },
      report: undefined,
      loadState: 'idle',
      error: undefined,
      operationId: undefined,
      progress: undefined,
      update(patch) {
        set({ form: { ...get().form, ...patch } });
      },
      async run() {
        const { connectorUrl, caFile, proxyUrl } = get().form;
        const operationId = newOperationId();
        set({ loadState: 'loading', operationId, error: undefined, progress: undefined });
        pollProgress(operationId);
        const answer = await api.call('health:run', {
          connectorUrl: connectorUrl.trim(),
          ...(caFile === null ? {} : { caFileId: caFile.id }),
          ...(proxyUrl.trim() === '' ? {} : { proxyUrl: proxyUrl.trim() }),
          operationId,
        });
        if (get().operationId !== operationId) return;
        if (answer.ok) {
          rememberConnectorUrl(connectorUrl.trim());
          set({ report: answer.value, loadState: 'loaded', operationId: undefined, progress: undefined });
        } else if (answer.error.code === 'CANCELLED') {
          set({ loadState: get().report === undefined ? 'idle' : 'loaded', operationId: undefined, progress: undefined });
        } else {
          set({ loadState: 'failed', error: answer.error, operationId: undefined, progress: undefined });
        }
      },
      async cancel() {
        const operationId = get().operationId;
        if (operationId === undefined) return;
        set({ loadState: get().report === undefined ? 'idle' : 'loaded', operationId: undefined, progress: undefined });
        await api.call('operation:cancel', { operationId });
      },
    };
  });
}

/** A health store (see {@link createHealthStore}). */
export type HealthStore = ReturnType<typeof createHealthStore>;

/** "Checking… 5 of 17: Certificate chain", or a plain label before main has said. */
export function progressLabel(progress: HealthState['progress']): string {
  if (progress === undefined || progress.total === 0) return 'Checking the deployment…';
  const running = progress.running.length > 0 ? `: ${progress.running.join(', ')}` : '';
  return `Checking the deployment… ${String(progress.finished)} of ${String(progress.total)} done${running}`;
}
