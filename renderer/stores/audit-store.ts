import { createStore } from 'zustand/vanilla';
import type { AuditAction, AuditRecord, IpcError, IpcRequest } from '../../contract/index.ts';
import type { AdminApi } from '../api/admin-api.ts';
import type { LoadState } from './load-state.ts';

/** How many records one page asks for. */
export const AUDIT_PAGE_SIZE = 100;

/** How many records a page read for Export… asks for (the service's most). */
export const AUDIT_EXPORT_PAGE_SIZE = 500;

/** The audit filters as the admin types them; blank means "any". Dates are `YYYY-MM-DD`, local. */
export type AuditFilters = { readonly who: string; readonly action: AuditAction | ''; readonly from: string; readonly to: string };

/** No filter at all. */
export const NO_AUDIT_FILTERS: AuditFilters = { who: '', action: '', from: '', to: '' };

/** The audit records read so far (newest first) and how to read older ones. */
export type AuditState = {
  readonly records: readonly AuditRecord[];
  /** Cursor of the next, older page; null when the log has no more. */
  readonly nextBefore: number | null;
  readonly filters: AuditFilters;
  readonly loadState: LoadState;
  readonly olderState: LoadState;
  readonly error: IpcError | undefined;
  /** The live filter over the records read (typed text; the page narrows at once). */
  readonly textFilter: string;
  setTextFilter(text: string): void;
  apply(filters: AuditFilters): Promise<void>;
  loadOlder(limit?: number): Promise<void>;
  /** Whether Export… is reading the older pages left. */
  readonly readingAll: boolean;
  /**
   * Read every older page left for these filters, 500 records at a time, so Export… saves the
   * whole log they select rather than the pages read so far. False when it stopped short (a
   * page failed, the filters changed, or {@link AuditState.stopReadingAll}).
   */
  readAll(): Promise<boolean>;
  stopReadingAll(): void;
};

function localDayStart(date: string, dayOffset: number): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + dayOffset).toISOString();
}

/**
 * The `audit:list` request for some filters: From is the start of that local day, To the end.
 *
 * An admin who picks "To 3 May" means the whole of 3 May in their time zone, so `until` is
 * the start of the next local day.
 */
export function auditRequest(filters: AuditFilters, before?: number, limit = AUDIT_PAGE_SIZE): IpcRequest<'audit:list'> {
  const who = filters.who.trim();
  const since = localDayStart(filters.from, 0);
  const until = localDayStart(filters.to, 1);
  return {
    limit,
    ...(before !== undefined && { before }),
    ...(who !== '' && { actor: who }),
    ...(filters.action !== '' && { action: filters.action }),
    ...(since !== undefined && { since }),
    ...(until !== undefined && { until }),
  };
}

/**
 * The audit log store, built on the API.
 *
 * Pages go backwards in time with the `nextBefore` cursor; applying new filters starts over.
 */
export function createAuditStore(api: AdminApi) {
  return createStore<AuditState>()((set, get) => ({
    records: [],
    nextBefore: null,
    filters: NO_AUDIT_FILTERS,
    loadState: 'idle',
    olderState: 'idle',
    error: undefined,
    textFilter: '',
    readingAll: false,
    setTextFilter(textFilter) {
      set({ textFilter });
    },
    async apply(filters) {
      set({ filters, loadState: 'loading', olderState: 'idle', error: undefined });
      const result = await api.call('audit:list', auditRequest(filters));
      if (get().filters !== filters) return;
      set(
        result.ok
          ? { records: result.value.records, nextBefore: result.value.nextBefore, loadState: 'loaded' }
          : { records: [], nextBefore: null, loadState: 'failed', error: result.error },
      );
    },
    async loadOlder(limit) {
      const { nextBefore, filters } = get();
      if (nextBefore === null) return;
      set({ olderState: 'loading', error: undefined });
      const result = await api.call('audit:list', auditRequest(filters, nextBefore, limit));
      if (get().filters !== filters) return;
      set(
        result.ok
          ? { records: [...get().records, ...result.value.records], nextBefore: result.value.nextBefore, olderState: 'loaded' }
          : { olderState: 'failed', error: result.error },
      );
    },
    async readAll() {
      const { filters } = get();
      set({ readingAll: true });
      try {
        while (get().nextBefore !== null) {
          if (!get().readingAll || get().filters !== filters) return false;
          await get().loadOlder(AUDIT_EXPORT_PAGE_SIZE);
          if (get().olderState === 'failed') return false;
        }
        return get().readingAll && get().filters === filters;
      } finally {
        set({ readingAll: false });
      }
    },
    stopReadingAll() {
      set({ readingAll: false });
    },
  }));
}

/** An audit store (see {@link createAuditStore}). */
export type AuditStore = ReturnType<typeof createAuditStore>;
