import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleEvent } from '../../contract/console-events.ts';
import type { ChangeEvent } from '../../contract/connector-api/index.ts';
import { ConnectorError } from '../../core/connector/index.ts';
import type { ChangeFeedClient, FeedEnd, FollowRequest } from './change-feed-port.ts';
import { createLiveChanges, type LiveChanges } from './live-changes.ts';

const AT = '2026-12-06T10:42:00.000Z';

/** A change of the list as the feed sends it. */
function changeEvent(sequence: number, listVersion: number, action: ChangeEvent['records'][number]['action'] = 'authorized-account.add'): ChangeEvent {
  return {
    sequence,
    listVersion,
    at: AT,
    actor: 'CORP\\bob',
    actorSid: 'S-1-5-21-1-2-3-1106',
    source: '127.0.0.1',
    node: 'RMSCON02',
    correlationId: `c-${String(sequence)}`,
    records: [{ action, target: 'S-1-5-21-1-2-3-2001', before: null, after: { name: 'CORP\\FS02$', role: 'fci' } }],
  };
}

/** The session's client, by hand: each follow stays open until the test ends it; the list answers by ETag. */
function fakeFeedClient() {
  const follows: { request: FollowRequest; finish(outcome: FeedEnd): void; fail(error: unknown): void }[] = [];
  const calls: string[] = [];
  const list = { version: 4 };
  const listing = () => ({ list: { version: list.version, entries: [] }, etag: `"${String(list.version)}"` });
  const client: ChangeFeedClient = {
    followChanges(request) {
      calls.push(`follow:${String(request.after ?? '')}`);
      return new Promise<FeedEnd>((resolve, reject) => {
        request.signal.addEventListener('abort', () => {
          resolve({ kind: 'cancelled' });
        });
        follows.push({ request, finish: resolve, fail: reject });
      });
    },
    listAuthorizedAccounts() {
      calls.push('list');
      return Promise.resolve(listing());
    },
    listAuthorizedAccountsIfChanged(etag) {
      calls.push(`list-if-changed:${etag}`);
      return Promise.resolve(etag === listing().etag ? null : listing());
    },
  };
  const last = () => {
    const follow = follows.at(-1);
    if (follow === undefined) throw new Error('nothing is followed');
    return follow;
  };
  return { client, follows, calls, list, last };
}

let published: ConsoleEvent[];
let live: LiveChanges;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date(AT) });
  published = [];
  live = createLiveChanges({
    publish: (event) => published.push(event),
    describe: (event) => `${event.actor} changed something, through ${event.node}`,
    pollIntervalMs: 2_000,
    restartDelayMs: 1_000,
  });
});

afterEach(() => {
  live.stop();
  vi.useRealTimers();
});

describe('createLiveChanges', () => {
  it('publishes the feed state and each change, told in a sentence with what it touched', () => {
    const feed = fakeFeedClient();
    live.follow(feed.client);
    const follow = feed.last();
    follow.request.onState({ status: 'connecting' });
    follow.request.onReady?.({ sequence: 7, listVersion: 4, replaying: 0, node: 'RMSCON01', heartbeatSeconds: 15, expiresAt: AT });
    follow.request.onState({ status: 'live', node: 'RMSCON01' });
    follow.request.onChange(changeEvent(8, 5));
    follow.request.onChange({ ...changeEvent(9, 5, 'role-based-administrator.add') });
    expect(published).toEqual([
      { kind: 'feed-state', state: { status: 'connecting' } },
      { kind: 'feed-state', state: { status: 'live', node: 'RMSCON01' } },
      {
        kind: 'change',
        change: { summary: 'CORP\\bob changed something, through RMSCON02', at: AT, actor: 'CORP\\bob', node: 'RMSCON02', listVersion: 5, touches: ['list'] },
      },
      {
        kind: 'change',
        change: {
          summary: 'CORP\\bob changed something, through RMSCON02',
          at: AT,
          actor: 'CORP\\bob',
          node: 'RMSCON02',
          listVersion: 5,
          touches: ['administrators'],
        },
      },
    ]);
    expect(live.status()).toEqual({ status: 'live', node: 'RMSCON01' });
  });

  it('says reconnecting with the next attempt after a drop, and passes a reload on', () => {
    const feed = fakeFeedClient();
    live.follow(feed.client);
    const follow = feed.last();
    follow.request.onState({ status: 'live', node: 'RMSCON01' });
    follow.request.onState({ status: 'reconnecting', reason: 'The connection dropped.', retryAt: '2026-12-06T10:42:02.000Z' });
    follow.request.onReload({
      reason: 'REPLAY_WINDOW_EXCEEDED',
      message: 'Too many changes were missed: read the list again.',
      sequence: 2000,
      listVersion: 90,
    });
    expect(published.slice(2)).toEqual([
      { kind: 'feed-state', state: { status: 'reconnecting', reason: 'The connection dropped.', retryAt: '2026-12-06T10:42:02.000Z' } },
      { kind: 'reload', listVersion: 90, at: AT, message: 'Too many changes were missed: read the list again.' },
    ]);
  });

  it('polls the list with its ETag while the feed is unavailable, and pushes a reload when the version moved', async () => {
    const feed = fakeFeedClient();
    live.follow(feed.client);
    feed.last().request.onState({ status: 'unavailable', reason: 'The service has no change feed.' });
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2_000);
    feed.list.version = 5;
    await vi.advanceTimersByTimeAsync(2_000);
    // The client tries the feed again meanwhile: the admin still sees polling.
    feed.last().request.onState({ status: 'connecting' });
    expect(feed.calls).toEqual(['follow:', 'list', 'list-if-changed:"4"', 'list-if-changed:"4"']);
    expect(published.slice(1)).toEqual([
      { kind: 'feed-state', state: { status: 'polling', reason: 'The service has no change feed.', intervalSeconds: 2 } },
      { kind: 'reload', listVersion: 5, at: expect.any(String), message: 'The list changed on the service (now version 5).' },
    ]);
  });

  it('stops polling once the feed is live again, and reloads when the list moved in between', async () => {
    const feed = fakeFeedClient();
    live.follow(feed.client);
    const follow = feed.last();
    follow.request.onState({ status: 'unavailable', reason: 'A proxy holds the stream back.' });
    await vi.advanceTimersByTimeAsync(0);
    feed.list.version = 6;
    follow.request.onReady?.({ sequence: 12, listVersion: 6, replaying: 0, node: 'RMSCON02', heartbeatSeconds: 15, expiresAt: AT });
    follow.request.onState({ status: 'live', node: 'RMSCON02' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(feed.calls).toEqual(['follow:', 'list']);
    expect(published.slice(2)).toEqual([
      { kind: 'reload', listVersion: 6, at: AT, message: 'The list changed while live updates were off (now version 6).' },
      { kind: 'feed-state', state: { status: 'live', node: 'RMSCON02' } },
    ]);
  });

  it('says ended with what to do when the service ends the feed for good, and tries no more', async () => {
    const feed = fakeFeedClient();
    live.follow(feed.client);
    feed.last().finish({ kind: 'ended', code: 'TOKEN_EXPIRED', message: 'Your sign-in expired: sign in again.' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect([published.at(-1), feed.calls]).toEqual([
      { kind: 'feed-state', state: { status: 'ended', code: 'TOKEN_EXPIRED', message: 'Your sign-in expired: sign in again.' } },
      ['follow:'],
    ]);
  });

  it('follows again after the last sequence seen when following itself fails', async () => {
    const feed = fakeFeedClient();
    live.follow(feed.client);
    feed.last().request.onChange(changeEvent(21, 9));
    feed.last().fail(new ConnectorError('BAD_RESPONSE', 'The stream could not be read.'));
    await vi.advanceTimersByTimeAsync(0);
    expect(published.at(-1)).toEqual({
      kind: 'feed-state',
      state: { status: 'reconnecting', reason: 'Following the changes failed; trying again.', retryAt: '2026-12-06T10:42:01.000Z' },
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(feed.calls).toEqual(['follow:', 'follow:21']);
  });

  it('stops following and publishes nothing more once stopped; a replaced session does not stop its successor', () => {
    const first = fakeFeedClient();
    const second = fakeFeedClient();
    live.follow(first.client);
    live.follow(second.client);
    live.stop(first.client);
    const before = published.length;
    first.last().request.onChange(changeEvent(3, 3));
    expect([first.last().request.signal.aborted, second.last().request.signal.aborted, published.length - before, live.status()]).toEqual([
      true,
      false,
      0,
      { status: 'connecting' },
    ]);
    live.stop(second.client);
    second.last().request.onChange(changeEvent(4, 4));
    expect([second.last().request.signal.aborted, published.length - before, live.status()]).toEqual([true, 0, null]);
  });
});
