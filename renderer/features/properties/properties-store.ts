import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AccountProperties, IpcError } from '../../../contract/index.ts';
import { newOperationId, type AdminApi } from '../../api/admin-api.ts';
import type { LoadState } from '../../stores/load-state.ts';

/** The panel's tabs, as Active Directory Users and Computers names them. */
export type PropertiesSection = 'general' | 'object' | 'memberOf' | 'members';

/** What opens the panel: the account's SID, the name the opener shows (a title while loading), the tab to show first. */
export type PropertiesTarget = {
  readonly sid: string;
  readonly name?: string;
  readonly section?: 'general' | 'memberOf' | 'members';
};

/** The account Properties panel: which account, which tab, nested lists or not, and what the directory said. */
export type PropertiesState = {
  readonly open: boolean;
  readonly target: PropertiesTarget | undefined;
  readonly section: PropertiesSection;
  /** Member Of and Members at any depth (nested groups, primary group's parents) instead of direct only. */
  readonly transitive: boolean;
  readonly loadState: LoadState;
  readonly properties: AccountProperties | undefined;
  readonly error: IpcError | undefined;
  readonly operationId: string | undefined;
  /** Open the panel on an account (any page may call this); an open panel switches to it. */
  openAccountProperties(target: PropertiesTarget): void;
  close(): void;
  setSection(section: PropertiesSection): void;
  setTransitive(transitive: boolean): void;
  /** Read the account again (after a change elsewhere, or after a failure). */
  reload(): Promise<void>;
};

/** The store {@link createPropertiesStore} returns. */
export type PropertiesStore = StoreApi<PropertiesState>;

const initial = {
  open: false,
  target: undefined,
  section: 'general',
  transitive: false,
  loadState: 'idle',
  properties: undefined,
  error: undefined,
  operationId: undefined,
} as const;

/**
 * Build the Properties panel's store over the API (`directory:properties`).
 *
 * One panel for the whole console, mounted once by the frame; pages only call
 * `openAccountProperties`. Only the latest read may write its answer: opening another account
 * while one loads cancels the first, and closing cancels whatever is running.
 */
export function createPropertiesStore(api: AdminApi): PropertiesStore {
  const read = async (get: () => PropertiesState, set: StoreApi<PropertiesState>['setState']): Promise<void> => {
    const { target, transitive } = get();
    if (target === undefined) return;
    cancelRunning(api, get().operationId);
    const operationId = newOperationId();
    set({ loadState: 'loading', operationId, error: undefined });
    const answer = await api.call('directory:properties', { sid: target.sid, transitive, operationId });
    if (get().operationId !== operationId) return;
    if (answer.ok) set({ loadState: 'loaded', properties: answer.value, operationId: undefined });
    else if (answer.error.code !== 'CANCELLED') set({ loadState: 'failed', error: answer.error, properties: undefined, operationId: undefined });
  };
  return createStore<PropertiesState>()((set, get) => ({
    ...initial,
    openAccountProperties(target) {
      const sameAccount = get().properties?.object.sid === target.sid;
      set({ open: true, target, section: target.section ?? 'general', ...(sameAccount ? {} : { properties: undefined }) });
      void read(get, set);
    },
    close() {
      cancelRunning(api, get().operationId);
      set({ open: false, operationId: undefined, loadState: get().properties === undefined ? 'idle' : 'loaded' });
    },
    setSection(section) {
      set({ section });
    },
    setTransitive(transitive) {
      if (transitive === get().transitive) return;
      set({ transitive });
      void read(get, set);
    },
    reload: () => read(get, set),
  }));
}

function cancelRunning(api: AdminApi, operationId: string | undefined): void {
  if (operationId !== undefined) void api.call('operation:cancel', { operationId });
}
