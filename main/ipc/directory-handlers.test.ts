import { describe, expect, it } from 'vitest';
import type { DirectoryObject } from '../../contract/directory.ts';
import { DirectoryError, type DirectoryConnectOptions } from '../../core/directory/index.ts';
import { makeObject } from '../../core/policy/testing/policy-fixtures.ts';
import { createFakeDirectory } from './testing/fake-directory.ts';
import { createTestConsole, type TestConsole } from './testing/test-console.ts';

const users = Array.from({ length: 25 }, (_unused, index) => makeObject({ name: `Bulk User ${String(index).padStart(2, '0')}`, kind: 'user' }));
const operationId = () => crypto.randomUUID();
const start = (location: object = { kind: 'domain' }) => ({ text: 'Bulk', types: ['user'], location, pageSize: 10, operationId: operationId() });
const pageOf = (result: unknown) => result as { ok: true; value: { searchId: string; objects: DirectoryObject[]; done: boolean } };

async function signedIn(connect?: (options: DirectoryConnectOptions) => Promise<ReturnType<typeof createFakeDirectory>>): Promise<TestConsole> {
  const harness = createTestConsole({ objects: users, ...(connect ? { connect } : {}) });
  await harness.signIn();
  return harness;
}

describe('directory channels', () => {
  it('pages a search until done, then forgets it', async () => {
    const harness = await signedIn();
    const first = pageOf(await harness.dispatcher.dispatch('directory:search-start', start()));
    const { searchId } = first.value;
    const second = pageOf(await harness.dispatcher.dispatch('directory:search-next', { searchId }));
    const third = pageOf(await harness.dispatcher.dispatch('directory:search-next', { searchId }));
    expect([first, second, third].map((page) => [page.value.objects.length, page.value.done])).toEqual([
      [10, false],
      [10, false],
      [5, true],
    ]);
    expect(await harness.dispatcher.dispatch('directory:search-next', { searchId })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'UNKNOWN_SEARCH', source: 'console' }),
    });
    expect(harness.directories[0]?.calls.at(-1)).toBe('search:(domain):Bulk');
  });

  it('closes a search on request', async () => {
    const harness = await signedIn();
    const { searchId } = pageOf(await harness.dispatcher.dispatch('directory:search-start', start())).value;
    expect(await harness.dispatcher.dispatch('directory:search-close', { searchId })).toEqual({ ok: true, value: { closed: true } });
    expect(await harness.dispatcher.dispatch('directory:search-close', { searchId })).toEqual({ ok: true, value: { closed: false } });
  });

  it('searches one container of the domain, sent rebuilt from its parts', async () => {
    const harness = await signedIn();
    await harness.dispatcher.dispatch(
      'directory:search-start',
      start({ kind: 'container', distinguishedName: 'OU=Bulk Users,OU=Contoso,DC=corp,DC=contoso,DC=test' }),
    );
    expect(harness.directories[0]?.calls.at(-1)).toBe('search:OU=Bulk Users,OU=Contoso,DC=corp,DC=contoso,DC=test:Bulk');
  });

  it('opens the global catalog once, on first use, with the same credentials', async () => {
    const harness = await signedIn();
    await harness.dispatcher.dispatch('directory:search-start', start({ kind: 'global-catalog' }));
    await harness.dispatcher.dispatch('directory:search-start', start({ kind: 'global-catalog' }));
    expect(harness.connectOptions.map((options) => [options.globalCatalog ?? false, options.user])).toEqual([
      [false, 'alice@corp.contoso.test'],
      [true, 'alice@corp.contoso.test'],
    ]);
    expect(harness.directories.map((directory) => directory.calls.filter((call) => call.startsWith('search')).length)).toEqual([0, 2]);
    await harness.dispatcher.dispatch('session:sign-out', {});
    expect(harness.directories.map((directory) => directory.closed)).toEqual([true, true]);
  });

  it('says clearly when the global catalog cannot be reached, and tries again next time', async () => {
    let attempts = 0;
    const harness = await signedIn((options) => {
      if (options.globalCatalog !== true) return Promise.resolve(createFakeDirectory(users));
      attempts += 1;
      return Promise.reject(new DirectoryError('UNREACHABLE'));
    });
    const result = await harness.dispatcher.dispatch('directory:search-start', start({ kind: 'global-catalog' }));
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNREACHABLE', source: 'directory', title: 'The global catalog could not be used', message: expect.stringContaining('3269') },
    });
    await harness.dispatcher.dispatch('directory:search-start', start({ kind: 'global-catalog' }));
    expect(attempts).toBe(2);
  });

  it('browses the domain root by default, containers only', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('directory:browse', { operationId: operationId() });
    expect(result).toEqual({ ok: true, value: [expect.objectContaining({ distinguishedName: 'OU=Servers,DC=corp,DC=contoso,DC=test', isContainer: true })] });
    expect(harness.directories[0]?.calls.at(-1)).toBe('browse:DC=corp,DC=contoso,DC=test');
  });

  it('resolves names with the object types given', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('directory:resolve-names', {
      names: ['Bulk User 03', 'nobody'],
      types: ['user'],
      operationId: operationId(),
    });
    expect(result).toEqual({
      ok: true,
      value: [
        { status: 'resolved', input: 'Bulk User 03', object: users[3] },
        { status: 'not-found', input: 'nobody', reason: 'No such object.' },
      ],
    });
  });

  it('keeps at most 8 searches open, closing the oldest', async () => {
    const harness = await signedIn();
    const ids: string[] = [];
    for (let index = 0; index < 9; index += 1) ids.push(pageOf(await harness.dispatcher.dispatch('directory:search-start', start())).value.searchId);
    expect(await harness.dispatcher.dispatch('directory:search-next', { searchId: ids[0] })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'UNKNOWN_SEARCH' }),
    });
    expect((await harness.dispatcher.dispatch('directory:search-next', { searchId: ids[8] })).ok).toBe(true);
  });
});
