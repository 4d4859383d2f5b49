import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BrowseEntry, IpcError } from '../../../contract/index.ts';
import { newOperationId, type AdminApi } from '../../api/admin-api.ts';
import type { LoadState } from './object-picker-store.ts';

/** The key of the domain root's children (browse without a parent DN). */
export const ROOT_KEY = '';

/** One container's children as far as they have been loaded. */
export type OuBranch = { readonly state: LoadState; readonly containers: readonly BrowseEntry[] };

/** The organizational-unit tree: branches loaded so far and which are open. */
export type OuTreeState = {
  readonly branches: Readonly<Record<string, OuBranch>>;
  readonly openItems: ReadonlySet<string>;
  readonly error: IpcError | undefined;
  load(parentDn: string): Promise<void>;
  setOpen(distinguishedName: string, open: boolean): void;
  reset(): void;
};

/** The store {@link createOuTreeStore} returns. */
export type OuTreeStore = StoreApi<OuTreeState>;

/**
 * Build the OU tree's store over the API.
 *
 * A domain can hold thousands of containers, so the tree loads one level at a time: a branch
 * asks `directory:browse` for its children the first time it opens, and only containers are
 * kept (the tree chooses where to search, not what to pick).
 */
export function createOuTreeStore(api: AdminApi): OuTreeStore {
  return createStore<OuTreeState>()((set, get) => ({
    branches: {},
    openItems: new Set(),
    error: undefined,
    async load(parentDn) {
      const current = get().branches[parentDn];
      if (current?.state === 'loading' || current?.state === 'loaded') return;
      const setBranch = (branch: OuBranch) => {
        set({ branches: { ...get().branches, [parentDn]: branch } });
      };
      setBranch({ state: 'loading', containers: [] });
      const operationId = newOperationId();
      const result = await api.call('directory:browse', parentDn === ROOT_KEY ? { operationId } : { parentDn, operationId });
      if (get().branches[parentDn]?.state !== 'loading') return;
      if (!result.ok) {
        setBranch({ state: 'failed', containers: [] });
        set({ error: result.error });
        return;
      }
      setBranch({ state: 'loaded', containers: result.value.filter((entry) => entry.isContainer) });
      set({ error: undefined });
    },
    setOpen(distinguishedName, open) {
      const openItems = new Set(get().openItems);
      if (open) openItems.add(distinguishedName);
      else openItems.delete(distinguishedName);
      set({ openItems });
      if (open) void get().load(distinguishedName);
    },
    reset() {
      set({ branches: {}, openItems: new Set(), error: undefined });
    },
  }));
}
