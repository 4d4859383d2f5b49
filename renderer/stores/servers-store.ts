import { createStore } from 'zustand/vanilla';
import type { AuthorizedAccount, IpcError, IpcResult, RemoveServerResult, ServerAccountFacts, ServerList, ServerListCsv } from '../../contract/index.ts';
import type { AdminApi } from '../api/admin-api.ts';
import type { LoadState } from './load-state.ts';
import { DEFAULT_SERVER_SORT, type ServerSort } from './servers-selectors.ts';

/** The "Servers allowed to utilize the connector" list as the console last read it. */
export type ServersState = {
  readonly entries: readonly AuthorizedAccount[];
  /** The directory's facts about the entries' accounts, by upper-case SID. */
  readonly accountFacts: ReadonlyMap<string, ServerAccountFacts>;
  readonly version: number | undefined;
  /** The version every write must name; a stale one is refused with `LIST_CHANGED`. */
  readonly versionTag: string | undefined;
  /** When the list shown was read (an ISO instant; the status bar says how long ago). */
  readonly readAt: string | undefined;
  readonly loadState: LoadState;
  /** Why the last read failed (the entries of the previous read stay). */
  readonly error: IpcError | undefined;
  /** A write was refused because someone else changed the list: the banner asks for a reload. */
  readonly listChanged: boolean;
  readonly filter: string;
  readonly sort: ServerSort;
  readonly selectedId: string | undefined;
  refresh(): Promise<void>;
  /**
   * Read the list again because it changed elsewhere, without the loading state (the grid
   * stays as it is until the answer); nothing before the first read, and an answer older
   * than what is shown is dropped.
   */
  reread(): Promise<void>;
  remove(id: string): Promise<IpcResult<RemoveServerResult>>;
  exportCsv(): Promise<IpcResult<ServerListCsv>>;
  markListChanged(): void;
  setFilter(filter: string): void;
  setSort(sort: ServerSort): void;
  select(id: string | undefined): void;
};

/** What a remove answers when the console has never read the list (no version to name). */
const NOT_LOADED: IpcError = {
  code: 'LIST_CHANGED',
  source: 'console',
  title: 'The list has not been loaded',
  message: 'Reload the list, then try again.',
};

/**
 * The servers list store, built on the API it reads and writes through.
 *
 * Every write names the `versionTag` of the last read; a refusal because the list changed
 * sets `listChanged` rather than silently reloading, so the admin sees that someone else
 * edited the list before deciding again.
 */
export function createServersStore(api: AdminApi) {
  return createStore<ServersState>()((set, get) => ({
    entries: [],
    accountFacts: new Map(),
    version: undefined,
    versionTag: undefined,
    readAt: undefined,
    loadState: 'idle',
    error: undefined,
    listChanged: false,
    filter: '',
    sort: DEFAULT_SERVER_SORT,
    selectedId: undefined,
    async refresh() {
      set({ loadState: 'loading' });
      const result = await api.call('servers:list', {});
      if (!result.ok) {
        set({ loadState: 'failed', error: result.error });
        return;
      }
      set(loadedList(result.value, get().selectedId));
    },
    async reread() {
      if (get().loadState === 'idle') return;
      const result = await api.call('servers:list', {});
      if (!result.ok) return;
      const shown = get().version;
      if (shown !== undefined && result.value.version < shown) return;
      set(loadedList(result.value, get().selectedId));
    },
    async remove(id) {
      const versionTag = get().versionTag;
      if (versionTag === undefined) return { ok: false, error: NOT_LOADED };
      const result = await api.call('servers:remove', { id, versionTag });
      if (result.ok) {
        await get().refresh();
      } else if (result.error.code === 'LIST_CHANGED') {
        set({ listChanged: true });
      }
      return result;
    },
    exportCsv() {
      return api.call('servers:export-csv', {});
    },
    markListChanged() {
      set({ listChanged: true });
    },
    setFilter(filter) {
      set({ filter });
    },
    setSort(sort) {
      set({ sort });
    },
    select(id) {
      set({ selectedId: id });
    },
  }));
}

/** A servers store (see {@link createServersStore}). */
export type ServersStore = ReturnType<typeof createServersStore>;

/** The selected entry, if it is still in the list. */
export const selectSelectedEntry = (state: ServersState): AuthorizedAccount | undefined =>
  state.selectedId === undefined ? undefined : state.entries.find((entry) => entry.id === state.selectedId);

/** The state after a list read: its entries and facts, when it was read, the selection kept if its entry still exists. */
function loadedList(list: ServerList, selectedId: string | undefined) {
  return {
    entries: list.entries,
    accountFacts: factsBySid(list),
    version: list.version,
    versionTag: list.versionTag,
    readAt: new Date().toISOString(),
    loadState: 'loaded' as const,
    error: undefined,
    listChanged: false,
    selectedId: list.entries.some((entry) => entry.id === selectedId) ? selectedId : undefined,
  };
}

function factsBySid(list: ServerList): ReadonlyMap<string, ServerAccountFacts> {
  return new Map((list.accounts ?? []).map((facts) => [facts.sid.toUpperCase(), facts]));
}
