import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DirectoryObject, IpcError, ObjectTypeFilter, SearchLocation } from '../../../contract/index.ts';
import { newOperationId, type AdminApi } from '../../api/admin-api.ts';
import { presetTypesFor, type PickerPurpose } from './object-types.ts';

/** The load states of the style guide. */
export type LoadState = 'idle' | 'loading' | 'loaded' | 'failed';
/** Which of the three location radios is chosen. */
export type LocationKind = SearchLocation['kind'];

/** How many objects one page asks for (the brief and the Windows picker agree on 100). */
export const SEARCH_PAGE_SIZE = 100;

/** The object picker's search: what to look for, where, the pages found and the selection. */
export type ObjectPickerState = {
  readonly types: ReadonlySet<ObjectTypeFilter>;
  readonly locationKind: LocationKind;
  readonly containerDn: string | undefined;
  readonly text: string;
  /** The first page of a search. */
  readonly searchState: LoadState;
  /** A following page, asked for as the grid scrolls. */
  readonly pageState: LoadState;
  readonly operationId: string | undefined;
  readonly searchId: string | undefined;
  readonly objects: readonly DirectoryObject[];
  readonly done: boolean;
  readonly selectedSids: ReadonlySet<string>;
  /** Where the results shown were searched (kept to say so once the location changes). */
  readonly searchedLocation: SearchLocation | undefined;
  readonly error: IpcError | undefined;
  /** Why Find Now did not search (no type ticked, no OU chosen). */
  readonly validation: string | undefined;
  reset(role: PickerPurpose): void;
  setType(type: ObjectTypeFilter, checked: boolean): void;
  setLocationKind(kind: LocationKind): void;
  setContainer(distinguishedName: string): void;
  setText(text: string): void;
  search(): Promise<void>;
  loadMore(): Promise<void>;
  cancel(): Promise<void>;
  select(sids: ReadonlySet<string>): void;
  close(): void;
};

/** The store {@link createObjectPickerStore} returns. */
export type ObjectPickerStore = StoreApi<ObjectPickerState>;

const noResults = {
  searchState: 'idle',
  pageState: 'idle',
  operationId: undefined,
  searchId: undefined,
  objects: [],
  done: false,
  selectedSids: new Set<string>(),
  searchedLocation: undefined,
  error: undefined,
} as const;

/**
 * Build the picker's store over the API.
 *
 * A search keeps a server-side cursor (`searchId`) that must be released: a new search or
 * closing the picker closes the previous one. An answer that arrives after the admin moved on
 * (cancelled, searched again) is dropped by comparing the operation it belongs to.
 */
export function createObjectPickerStore(api: AdminApi): ObjectPickerStore {
  return createStore<ObjectPickerState>()((set, get) => {
    const release = () => {
      const { searchId } = get();
      if (searchId !== undefined) void api.call('directory:search-close', { searchId });
    };
    const locationOf = (state: ObjectPickerState): SearchLocation | undefined => {
      if (state.locationKind !== 'container') return { kind: state.locationKind };
      return state.containerDn === undefined ? undefined : { kind: 'container', distinguishedName: state.containerDn };
    };
    return {
      types: new Set(),
      locationKind: 'domain',
      containerDn: undefined,
      text: '',
      validation: undefined,
      ...noResults,
      reset(role) {
        release();
        set({ types: presetTypesFor(role), locationKind: 'domain', containerDn: undefined, text: '', validation: undefined, ...noResults });
      },
      setType(type, checked) {
        const types = new Set(get().types);
        if (checked) types.add(type);
        else types.delete(type);
        set({ types, validation: undefined });
      },
      setLocationKind(locationKind) {
        set({ locationKind, validation: undefined });
      },
      setContainer(containerDn) {
        set({ containerDn, validation: undefined });
      },
      setText(text) {
        set({ text });
      },
      async search() {
        const state = get();
        const location = locationOf(state);
        if (state.types.size === 0) {
          set({ validation: 'Tick at least one object type.' });
          return;
        }
        if (!location) {
          set({ validation: 'Choose an organizational unit in the tree.' });
          return;
        }
        release();
        const operationId = newOperationId();
        set({ ...noResults, searchState: 'loading', operationId, validation: undefined });
        const result = await api.call('directory:search-start', {
          text: state.text.trim(),
          types: [...state.types],
          location,
          pageSize: SEARCH_PAGE_SIZE,
          operationId,
        });
        if (get().operationId !== operationId) {
          if (result.ok) void api.call('directory:search-close', { searchId: result.value.searchId });
          return;
        }
        if (!result.ok) {
          set({ searchState: result.error.code === 'CANCELLED' ? 'idle' : 'failed', operationId: undefined, error: cancelledIsQuiet(result.error) });
          return;
        }
        const { searchId, objects, done } = result.value;
        set({ searchState: 'loaded', operationId: undefined, searchId, objects, done, searchedLocation: location });
      },
      async loadMore() {
        const { searchId, done, searchState, pageState } = get();
        if (searchId === undefined || done || searchState !== 'loaded' || pageState === 'loading') return;
        set({ pageState: 'loading', error: undefined });
        const result = await api.call('directory:search-next', { searchId });
        if (get().searchId !== searchId || get().pageState !== 'loading') return;
        if (!result.ok) {
          set({ pageState: 'failed', error: cancelledIsQuiet(result.error) });
          return;
        }
        set({ pageState: 'loaded', objects: [...get().objects, ...result.value.objects], done: result.value.done });
      },
      async cancel() {
        const { operationId, pageState } = get();
        if (pageState === 'loading') {
          // search-next carries no operation id: stop paging and release the cursor instead.
          release();
          set({ pageState: 'idle', done: true, searchId: undefined });
        }
        if (operationId === undefined) return;
        set({ searchState: 'idle', operationId: undefined });
        await api.call('operation:cancel', { operationId });
      },
      select(selectedSids) {
        set({ selectedSids });
      },
      close() {
        const { operationId } = get();
        if (operationId !== undefined) void api.call('operation:cancel', { operationId });
        release();
        set({ ...noResults });
      },
    };
  });
}

function cancelledIsQuiet(error: IpcError): IpcError | undefined {
  return error.code === 'CANCELLED' ? undefined : error;
}

/** The selected objects among the rows found, in the order they are listed. */
export const selectSelectedObjects = (state: Pick<ObjectPickerState, 'objects' | 'selectedSids'>): readonly DirectoryObject[] =>
  state.objects.filter((object) => state.selectedSids.has(object.sid));

/**
 * Where the results shown were found, when that is no longer the location chosen.
 *
 * Results from the entire domain under "Organizational unit: Servers" would mislead: the
 * picker says so ("Results from … — search again") until the admin searches again.
 */
export function selectStaleLocation(state: ObjectPickerState): SearchLocation | undefined {
  const searched = state.searchedLocation;
  if (searched === undefined || state.searchState !== 'loaded') return undefined;
  const sameKind = searched.kind === state.locationKind;
  const sameContainer = searched.kind !== 'container' || searched.distinguishedName === state.containerDn;
  return sameKind && sameContainer ? undefined : searched;
}

/** Whether a page is on its way (the spinner and its Cancel show). */
export const selectIsSearching = (state: ObjectPickerState): boolean => state.searchState === 'loading' || state.pageState === 'loading';
