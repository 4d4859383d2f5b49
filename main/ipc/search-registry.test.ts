import { describe, expect, it } from 'vitest';
import type { DirectoryObject } from '../../contract/directory.ts';
import { makeObject } from '../../core/policy/testing/policy-fixtures.ts';
import { ConsoleFailure } from './console-failure.ts';
import { createSearchRegistry, type SearchPages } from './search-registry.ts';

const objects = Array.from({ length: 5 }, (_unused, index) => makeObject({ name: `User ${String(index)}`, kind: 'user' }));
const names = (page: { objects: readonly DirectoryObject[] }) => page.objects.map((object) => object.name);

function pagesOf(size: number, log: string[] = []): (signal: AbortSignal) => SearchPages {
  return async function* pages() {
    try {
      for (let start = 0; start < objects.length; start += size) {
        await Promise.resolve();
        yield objects.slice(start, start + size);
      }
    } finally {
      log.push('closed');
    }
  };
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'no error';
  } catch (error) {
    return error instanceof ConsoleFailure ? error.error.code : String(error);
  }
}

describe('createSearchRegistry', () => {
  it('answers one page per call and says done on the last page, then forgets the search', async () => {
    const registry = createSearchRegistry();
    const first = await registry.open(pagesOf(2), new AbortController().signal);
    const second = await registry.next(first.searchId);
    const third = await registry.next(first.searchId);
    expect([first, second, third].map((page) => [names(page), page.done])).toEqual([
      [['User 0', 'User 1'], false],
      [['User 2', 'User 3'], false],
      [['User 4'], true],
    ]);
    expect([registry.openIds(), await codeOf(registry.next(first.searchId))]).toEqual([[], 'UNKNOWN_SEARCH']);
  });

  it('says done at once when everything fits on the first page', async () => {
    const registry = createSearchRegistry();
    const page = await registry.open(pagesOf(10), new AbortController().signal);
    expect([names(page).length, page.done, registry.openIds()]).toEqual([5, true, []]);
  });

  it('closes a search on request and answers UNKNOWN_SEARCH for it afterwards', async () => {
    const log: string[] = [];
    const registry = createSearchRegistry();
    const { searchId } = await registry.open(pagesOf(1, log), new AbortController().signal);
    expect([registry.close(searchId), registry.close(searchId)]).toEqual([true, false]);
    expect(await codeOf(registry.next(searchId))).toBe('UNKNOWN_SEARCH');
    await Promise.resolve();
    expect(log).toEqual(['closed']);
  });

  it('closes the oldest search when one more than the limit is opened', async () => {
    const registry = createSearchRegistry({ maxOpen: 3 });
    const ids: string[] = [];
    for (let index = 0; index < 4; index += 1) ids.push((await registry.open(pagesOf(1), new AbortController().signal)).searchId);
    expect(registry.openIds()).toEqual(ids.slice(1));
    expect(await codeOf(registry.next(ids[0] ?? ''))).toBe('UNKNOWN_SEARCH');
  });

  it('drops a search left idle for the idle time, and keeps one in use', async () => {
    let now = 0;
    const registry = createSearchRegistry({ now: () => now, idleMs: 1000 });
    const idle = await registry.open(pagesOf(1), new AbortController().signal);
    now = 600;
    const used = await registry.open(pagesOf(1), new AbortController().signal);
    now = 1000;
    expect(await codeOf(registry.next(idle.searchId))).toBe('UNKNOWN_SEARCH');
    expect(names(await registry.next(used.searchId))).toEqual(['User 1']);
    registry.closeAll();
  });

  it('drops the search when the first page is cancelled', async () => {
    const controller = new AbortController();
    const registry = createSearchRegistry();
    const opening = registry.open(async function* pages(signal) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (signal.aborted) throw new Error('cancelled');
      yield objects;
    }, controller.signal);
    controller.abort();
    expect(await codeOf(opening)).toMatch(/cancelled/);
    expect(registry.openIds()).toEqual([]);
  });

  it('drops a search whose page failed and passes the failure on', async () => {
    const registry = createSearchRegistry();
    // eslint-disable-next-line require-yield
    const failing = async function* pages(): SearchPages {
      await Promise.resolve();
      throw new Error('directory failed');
    };
    expect(await codeOf(registry.open(failing, new AbortController().signal))).toBe('Error: directory failed');
    expect(registry.openIds()).toEqual([]);
  });
});
