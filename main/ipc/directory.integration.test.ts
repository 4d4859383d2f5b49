import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../../connector/server/testing/service-fixture.ts';
import type { BrowseEntry, Resolution } from '../../contract/directory.ts';
import type { SearchPage } from '../../contract/ipc.ts';
import { CONTOSO_OU, SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import { createLiveConsole, liveSignInRequest, TOKEN_PATTERN, type LiveConsole } from './testing/live-console.ts';

const CANCELLED = { ok: false, error: { code: 'CANCELLED', source: 'console', title: 'Cancelled', message: 'Cancelled. Nothing was changed.' } };

describe('the object picker through the console, against the real DC', () => {
  let service: TestService;
  let live: LiveConsole;
  const searchStart = async (request: {
    text: string;
    types: ('user' | 'group' | 'computer')[];
    location: { kind: 'domain' } | { kind: 'global-catalog' } | { kind: 'container'; distinguishedName: string };
    pageSize: number;
  }) => (await live.value('directory:search-start', { ...request, operationId: randomUUID() })) as SearchPage;

  beforeAll(async () => {
    service = await startTestService({ nodeName: 'RMSCON01' });
    await service.grant('alice', 'ConnectorAdministrator');
    live = createLiveConsole(service);
    await live.value('session:sign-in', liveSignInRequest(service));
  });
  afterAll(async () => {
    await live.dispatcher.close();
    await service.dispose();
  });

  it('pages through every bulk user, 50 at a time, until done', async () => {
    let page = await searchStart({ text: 'Bulk User', types: ['user'], location: { kind: 'domain' }, pageSize: 50 });
    const sids = new Set(page.objects.map((object) => object.sid));
    let pages = 1;
    while (!page.done) {
      page = (await live.value('directory:search-next', { searchId: page.searchId })) as SearchPage;
      for (const object of page.objects) sids.add(object.sid);
      pages += 1;
      expect(page.objects.length).toBeLessThanOrEqual(50);
    }
    expect(sids.size).toBeGreaterThan(1000);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(sids.size / 50));
    expect(await live.call('directory:search-next', { searchId: page.searchId })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'UNKNOWN_SEARCH' }),
    });
  }, 120_000);

  it('closes a search half-way', async () => {
    const page = await searchStart({ text: '', types: ['user'], location: { kind: 'domain' }, pageSize: 10 });
    expect(page.done).toBe(false);
    expect(await live.call('directory:search-close', { searchId: page.searchId })).toEqual({ ok: true, value: { closed: true } });
    expect(await live.call('directory:search-next', { searchId: page.searchId })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'UNKNOWN_SEARCH' }),
    });
  });

  it('searches one organizational unit, and refuses one outside the domain', async () => {
    const page = await searchStart({ text: 'Alice', types: ['user'], location: { kind: 'container', distinguishedName: CONTOSO_OU }, pageSize: 10 });
    expect(page.objects.map((object) => object.samAccountName)).toEqual(['alice']);
    const outside = await live.call('directory:search-start', {
      text: 'a',
      types: ['user'],
      location: { kind: 'container', distinguishedName: 'CN=Configuration,DC=corp,DC=contoso,DC=test,DC=evil' },
      pageSize: 10,
      operationId: randomUUID(),
    });
    expect(outside).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_REQUEST' }) });
  });

  it('searches the global catalog on its own port (3269 for LDAPS)', async () => {
    // Without a port in the server URL, the domain connection uses 636 and the catalog 3269.
    const catalog = createLiveConsole(service);
    try {
      const request = liveSignInRequest(service);
      await catalog.value('session:sign-in', { ...request, directory: { ...request.directory, serverUrl: request.directory.serverUrl?.replace(/:\d+$/, '') } });
      const page = (await catalog.value('directory:search-start', {
        text: 'Exchange Servers',
        types: ['group'],
        location: { kind: 'global-catalog' },
        pageSize: 10,
        operationId: randomUUID(),
      })) as SearchPage;
      expect(page.objects.map((object) => object.name)).toContain('Exchange Servers');
    } finally {
      await catalog.dispatcher.close();
    }
  });

  it('browses the OU tree one level at a time, containers only', async () => {
    const root = (await live.value('directory:browse', { operationId: randomUUID() })) as BrowseEntry[];
    expect(root.map((entry) => entry.distinguishedName)).toContain(CONTOSO_OU);
    const contoso = (await live.value('directory:browse', { parentDn: CONTOSO_OU, operationId: randomUUID() })) as BrowseEntry[];
    expect(contoso.map((entry) => entry.name)).toContain('Bulk Users');
    expect(contoso.every((entry) => entry.isContainer)).toBe(true);
  });

  it('resolves typed names (Check Names)', async () => {
    const resolved = (await live.value('directory:resolve-names', {
      names: ['alice', 'CORP\\Exchange Servers', 'no-such-account-xyz'],
      operationId: randomUUID(),
    })) as Resolution[];
    expect(resolved.map((resolution) => resolution.status)).toEqual(['resolved', 'resolved', 'not-found']);
  });

  it('cancels a running search and a running review', async () => {
    const searchId = randomUUID();
    const searching = live.call('directory:search-start', {
      text: '',
      types: ['user', 'group', 'computer'],
      location: { kind: 'domain' },
      pageSize: 500,
      operationId: searchId,
    });
    const cancelSearch = live.call('operation:cancel', { operationId: searchId });
    const reviewId = randomUUID();
    const reviewing = live.call('review:super-users', { operationId: reviewId });
    const cancelReview = live.call('operation:cancel', { operationId: reviewId });
    expect(await Promise.all([searching, cancelSearch, reviewing, cancelReview])).toEqual([
      CANCELLED,
      { ok: true, value: { cancelled: true } },
      CANCELLED,
      { ok: true, value: { cancelled: true } },
    ]);
    expect((await live.call('servers:list', {})).ok).toBe(true);
  });

  it('never puts a password or a token in an answer or a log line', () => {
    const everything = JSON.stringify([live.answers, live.lines]);
    expect([everything.includes(SEED_PASSWORD), TOKEN_PATTERN.test(everything)]).toEqual([false, false]);
  });
});
