import { randomUUID } from 'node:crypto';
import type { DirectoryObject } from '../../contract/directory.ts';
import type { SearchPage } from '../../contract/ipc.ts';
import { consoleFailure } from './console-failure.ts';

/**
 * The most searches one session keeps open; opening another closes the oldest.
 *
 * Each holds a paged search on the domain controller; a picker needs one or two at a time.
 */
export const MAX_OPEN_SEARCHES = 8;
/**
 * A search nobody asked a page of for this long is closed.
 *
 * A dialog closed without `directory:search-close` must not hold a server cursor for ever.
 */
export const SEARCH_IDLE_MS = 5 * 60_000;

/**
 * Pages of one search, as the directory yields them.
 *
 * The directory layer's own generator type, so a search is handed over as it is.
 */
export type SearchPages = AsyncGenerator<DirectoryObject[]>;

/**
 * The object picker's open searches: each answers one page per call, then is dropped.
 *
 * A search holds a paged LDAP search on the domain controller, so the registry bounds how
 * many stay open and closes the ones the renderer forgot (a closed dialog, a crashed view).
 */
export type SearchRegistry = {
  /** Start a search with its own signal (aborted by `signal` while the first page loads) and answer its first page. */
  open(start: (signal: AbortSignal) => SearchPages, signal: AbortSignal): Promise<SearchPage>;
  /** The next page; `UNKNOWN_SEARCH` when the id is not open (finished, closed, idle too long). */
  next(searchId: string): Promise<SearchPage>;
  /** Close one search; false when it was not open. */
  close(searchId: string): boolean;
  /** Close every search (sign-out). */
  closeAll(): void;
  /** Ids of the open searches, oldest first. */
  openIds(): string[];
};

type OpenSearch = {
  readonly pages: SearchPages;
  readonly controller: AbortController;
  lastUsed: number;
  buffered: IteratorResult<DirectoryObject[]> | undefined;
  queue: Promise<unknown>;
};

/**
 * Create a registry; `now` is injectable so the idle rule can be tested without waiting.
 *
 * Each answer looks one page ahead (the directory layer has already asked the server for it),
 * so the last page says `done` itself and the search is dropped without one more call.
 */
export function createSearchRegistry(options: { now?: () => number; maxOpen?: number; idleMs?: number } = {}): SearchRegistry {
  const now = options.now ?? Date.now;
  const maxOpen = options.maxOpen ?? MAX_OPEN_SEARCHES;
  const idleMs = options.idleMs ?? SEARCH_IDLE_MS;
  const searches = new Map<string, OpenSearch>();
  let sweeper: NodeJS.Timeout | undefined;

  const drop = (searchId: string): boolean => {
    const search = searches.get(searchId);
    if (search === undefined) return false;
    searches.delete(searchId);
    search.controller.abort(new Error('The search was closed.'));
    search.pages.return(undefined).catch(() => undefined);
    if (searches.size === 0 && sweeper !== undefined) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
    return true;
  };
  const sweep = (): void => {
    for (const [searchId, search] of searches) if (now() - search.lastUsed >= idleMs) drop(searchId);
  };
  const readPage = async (searchId: string, search: OpenSearch): Promise<SearchPage> => {
    try {
      const current = search.buffered ?? (await search.pages.next());
      search.buffered = undefined;
      const following = current.done === true ? current : await search.pages.next();
      if (following.done === true) drop(searchId);
      else search.buffered = following;
      return { searchId, objects: current.done === true ? [] : current.value, done: following.done === true };
    } catch (error) {
      drop(searchId);
      throw error;
    }
  };
  const enqueue = (searchId: string, search: OpenSearch): Promise<SearchPage> => {
    search.lastUsed = now();
    const page = search.queue.then(() => readPage(searchId, search));
    search.queue = page.catch(() => undefined);
    return page;
  };

  return {
    async open(start, signal) {
      sweep();
      while (searches.size >= maxOpen) {
        const oldest = searches.keys().next().value;
        if (oldest === undefined) break;
        drop(oldest);
      }
      const controller = new AbortController();
      const forward = (): void => {
        controller.abort(signal.reason);
      };
      signal.addEventListener('abort', forward, { once: true });
      const searchId = randomUUID();
      const search: OpenSearch = { pages: start(controller.signal), controller, lastUsed: now(), buffered: undefined, queue: Promise.resolve() };
      searches.set(searchId, search);
      sweeper ??= setInterval(sweep, Math.min(idleMs, 60_000)).unref();
      try {
        return await enqueue(searchId, search);
      } catch (error) {
        drop(searchId);
        throw error;
      } finally {
        signal.removeEventListener('abort', forward);
        if (signal.aborted) drop(searchId);
      }
    },
    async next(searchId) {
      sweep();
      const search = searches.get(searchId);
      if (search === undefined) {
        throw consoleFailure(
          'UNKNOWN_SEARCH',
          'The search is no longer open',
          'This search finished, was closed, or sat unused for more than 5 minutes. Run the search again.',
        );
      }
      return enqueue(searchId, search);
    },
    close(searchId) {
      sweep();
      return drop(searchId);
    },
    closeAll() {
      for (const searchId of [...searches.keys()]) drop(searchId);
    },
    openIds: () => [...searches.keys()],
  };
}
