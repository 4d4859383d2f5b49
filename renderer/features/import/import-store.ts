import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FindingCode, ImportApplyResult, ImportFileChoice, ImportPreview, ImportProgress, ImportRow, IpcError } from '../../../contract/index.ts';
import { newOperationId, type AdminApi } from '../../api/admin-api.ts';
import { acknowledgementKey, acknowledgementsOf, applyBlocker, type AcknowledgementKey } from './import-preview-model.ts';

/** Where an import is: choosing the file, judging it, showing the preview, applying, done. */
export type ImportPhase = 'idle' | 'choosing' | 'no-file' | 'refused' | 'previewing' | 'preview' | 'applying' | 'applied' | 'failed';

/** How often the dialog asks main how far judging has got. */
const PROGRESS_INTERVAL_MS = 400;

/** The import dialog's state. */
export type ImportState = {
  readonly phase: ImportPhase;
  readonly file: Extract<ImportFileChoice, { status: 'read' }> | undefined;
  readonly refusal: Extract<ImportFileChoice, { status: 'refused' }> | undefined;
  readonly preview: ImportPreview | undefined;
  readonly progress: ImportProgress;
  readonly acknowledged: ReadonlySet<AcknowledgementKey>;
  readonly operationId: string | undefined;
  readonly error: IpcError | undefined;
  readonly result: ImportApplyResult | undefined;
  /** Ask main for a file (its picker), then preview it. */
  choose(): Promise<void>;
  /** Judge the held file again (after the list changed under a preview). */
  previewAgain(): Promise<void>;
  acknowledge(row: ImportRow, code: FindingCode, checked: boolean): void;
  /** Apply the previewed file; answers whether the list changed under it (the page then reloads). */
  apply(): Promise<'applied' | 'list-changed' | 'not-applied'>;
  cancel(): Promise<void>;
  reset(): void;
};

/** The store {@link createImportStore} returns. */
export type ImportStore = StoreApi<ImportState>;

const initial = {
  phase: 'idle',
  file: undefined,
  refusal: undefined,
  preview: undefined,
  progress: null,
  acknowledged: new Set<AcknowledgementKey>(),
  operationId: undefined,
  error: undefined,
  result: undefined,
} as const;

/**
 * Build the import dialog's store over the API.
 *
 * Main holds the file and judges it; the store only holds what main answered and what the
 * admin ticked. Only the latest operation may write its answer, a cancelled one goes back
 * quietly, and acknowledgements belong to one preview (a new file or preview drops them).
 */
export function createImportStore(api: AdminApi): ImportStore {
  return createStore<ImportState>()((set, get) => {
    /** Run a cancellable call while polling its progress; undefined when it was abandoned. */
    async function tracked<T>(start: (operationId: string) => Promise<T>): Promise<T | undefined> {
      const operationId = newOperationId();
      set({ operationId, progress: null });
      const timer = setInterval(() => {
        void api.call('import:progress', { operationId }).then((answer) => {
          if (answer.ok && get().operationId === operationId && answer.value !== null) set({ progress: answer.value });
        });
      }, PROGRESS_INTERVAL_MS);
      try {
        const answer = await start(operationId);
        return get().operationId === operationId ? answer : undefined;
      } finally {
        clearInterval(timer);
        if (get().operationId === operationId) set({ operationId: undefined, progress: null });
      }
    }

    async function preview(fileId: string): Promise<void> {
      set({ phase: 'previewing', preview: undefined, acknowledged: new Set(), error: undefined });
      const answer = await tracked((operationId) => api.call('import:preview', { fileId, operationId }));
      if (answer === undefined) return;
      if (answer.ok) set({ phase: 'preview', preview: answer.value });
      else if (answer.error.code === 'CANCELLED') set({ phase: 'no-file', file: undefined });
      else set({ phase: 'failed', error: answer.error });
    }

    return {
      ...initial,
      async choose() {
        set({ ...initial, phase: 'choosing' });
        const answer = await api.call('import:choose-file', {});
        if (get().phase !== 'choosing') return;
        if (!answer.ok) {
          set({ phase: 'failed', error: answer.error });
          return;
        }
        const choice = answer.value;
        if (choice.status === 'closed') set({ phase: 'no-file' });
        else if (choice.status === 'refused') set({ phase: 'refused', refusal: choice });
        else {
          set({ file: choice });
          await preview(choice.fileId);
        }
      },
      async previewAgain() {
        const { file } = get();
        if (file !== undefined) await preview(file.fileId);
      },
      acknowledge(row, code, checked) {
        const acknowledged = new Set(get().acknowledged);
        if (checked) acknowledged.add(acknowledgementKey(row, code));
        else acknowledged.delete(acknowledgementKey(row, code));
        set({ acknowledged });
      },
      async apply() {
        const { file, preview: shown, acknowledged } = get();
        if (file === undefined || shown === undefined || applyBlocker(shown, acknowledged) !== undefined) return 'not-applied';
        set({ phase: 'applying', error: undefined });
        const answer = await tracked((operationId) =>
          api.call('import:apply', { fileId: file.fileId, versionTag: shown.versionTag, acknowledged: acknowledgementsOf(shown, acknowledged), operationId }),
        );
        if (answer === undefined) return 'not-applied';
        if (answer.ok) {
          set({ phase: 'applied', result: answer.value });
          return 'applied';
        }
        set({ phase: 'preview', error: answer.error.code === 'CANCELLED' ? undefined : answer.error });
        return answer.error.code === 'LIST_CHANGED' ? 'list-changed' : 'not-applied';
      },
      async cancel() {
        const { operationId, phase } = get();
        if (operationId === undefined) return;
        set({
          operationId: undefined,
          progress: null,
          phase: phase === 'applying' ? 'preview' : 'no-file',
          ...(phase === 'applying' ? {} : { file: undefined }),
        });
        await api.call('operation:cancel', { operationId });
      },
      reset() {
        const { operationId } = get();
        set({ ...initial });
        if (operationId !== undefined) void api.call('operation:cancel', { operationId });
      },
    };
  });
}
