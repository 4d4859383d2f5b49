import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConnectorClient } from './connector-client.ts';
import type { ConnectorClient } from './connector-client-types.ts';
import { changeAt, readyAt, recordFollower, waitUntil } from './testing/feed-follower.ts';
import type { FollowerRecord } from './testing/feed-follower.ts';
import { startFeedService } from './testing/feed-service.ts';
import type { FeedService } from './testing/feed-service.ts';

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.ZmVlZA.c2lnbmF0dXJl';

describe('change-feed', () => {
  let service: FeedService;
  let client: ConnectorClient;
  let follower: FollowerRecord | undefined;

  beforeAll(async () => {
    service = await startFeedService();
    client = createConnectorClient({ baseUrl: service.url, token: TOKEN, proxy: 'none', retries: 0, timeoutMs: 2_000 });
  });
  afterEach(async () => {
    follower?.controller.abort();
    await follower?.outcome.catch(() => undefined);
    follower = undefined;
    service.exchanges.length = 0;
  });
  afterAll(async () => {
    await client.close();
    await service.close();
  });

  const statuses = (record: FollowerRecord) => record.states.map((state) => state.status);

  it('delivers ready, changes and reload as sent, skipping heartbeats, with the token and no position on the first request', async () => {
    service.script((exchange) => {
      exchange.open();
      exchange.write(': keep-alive\n\n');
      exchange.event('ready', readyAt(4), 4);
      exchange.write(`id: 5\nevent: change\ndata: ${JSON.stringify(changeAt(5))}`);
      exchange.write('\n\n: keep-alive\n\n');
      exchange.event('reload', { reason: 'REPLAY_WINDOW_EXCEEDED', message: 'Read the list again.', sequence: 9, listVersion: 9 }, 9);
      exchange.event('change', changeAt(10), 10);
    });
    follower = recordFollower(client);
    const record = follower;
    await waitUntil(() => record.changes.length === 2);
    const [request] = service.exchanges;
    expect({
      ready: record.ready,
      changes: record.changes.map((change) => change.sequence),
      reloads: record.reloads.map((reload) => reload.sequence),
      states: record.states.map(({ status, node }) => ({ status, node })),
      headers: { authorization: request?.headers.authorization, accept: request?.headers.accept, lastEventId: request?.headers['last-event-id'] },
    }).toEqual({
      ready: [readyAt(4)],
      changes: [5, 10],
      reloads: [9],
      states: [
        { status: 'connecting', node: undefined },
        { status: 'live', node: 'RMSCON01' },
      ],
      headers: { authorization: `Bearer ${TOKEN}`, accept: 'text/event-stream', lastEventId: undefined },
    });
  });

  it('resumes after a drop with Last-Event-ID and delivers a replayed change once', async () => {
    service.script(
      (exchange) => {
        exchange.open();
        exchange.event('ready', readyAt(5), 5);
        exchange.event('change', changeAt(6), 6);
        exchange.event('change', changeAt(7), 7);
        setTimeout(() => {
          exchange.hangUp();
        }, 50);
      },
      (exchange) => {
        exchange.open();
        exchange.event('ready', readyAt(7, { replaying: 2 }), 7);
        exchange.event('change', changeAt(7), 7);
        exchange.event('change', changeAt(8, 'RMSCON02'), 8);
      },
    );
    follower = recordFollower(client);
    const record = follower;
    await waitUntil(() => record.changes.length === 3);
    expect({
      changes: record.changes.map((change) => change.sequence),
      resumedFrom: service.exchanges.map((exchange) => exchange.headers['last-event-id']),
      states: statuses(record),
    }).toEqual({ changes: [6, 7, 8], resumedFrom: [undefined, '7'], states: ['connecting', 'live', 'reconnecting', 'live'] });
  });

  it('starts from the given position when told where the caller stopped', async () => {
    service.script((exchange) => {
      exchange.open();
      exchange.event('ready', readyAt(41, { replaying: 1 }), 41);
      exchange.event('change', changeAt(42), 42);
    });
    follower = recordFollower(client, { after: 41 });
    const record = follower;
    await waitUntil(() => record.changes.length === 1);
    expect(service.exchanges.map((exchange) => exchange.headers['last-event-id'])).toEqual(['41']);
  });

  it('reconnects when an event does not match the contract, resuming from the last good change', async () => {
    service.script(
      (exchange) => {
        exchange.open();
        exchange.event('ready', readyAt(1), 1);
        exchange.event('change', changeAt(2), 2);
        exchange.event('change', { ...changeAt(3), sequence: 'three' }, 3);
      },
      (exchange) => {
        exchange.open();
        exchange.event('ready', readyAt(2), 2);
        exchange.event('change', changeAt(3), 3);
      },
    );
    follower = recordFollower(client);
    const record = follower;
    await waitUntil(() => record.changes.length === 2);
    const reconnecting = record.states.find((state) => state.status === 'reconnecting');
    expect({
      changes: record.changes.map((change) => change.sequence),
      resumedFrom: service.exchanges.map((exchange) => exchange.headers['last-event-id']),
    }).toEqual({ changes: [2, 3], resumedFrom: [undefined, '2'] });
    expect(reconnecting?.reason).toContain('does not understand');
  });

  it('reads everything again, without reconnecting, after a kind of change it does not know (a newer service)', async () => {
    service.script((exchange) => {
      exchange.open();
      exchange.event('ready', readyAt(1), 1);
      exchange.event('change', { ...changeAt(2), records: [{ action: 'something.new', target: 'x', before: null, after: null }] }, 2);
      exchange.event('change', changeAt(3), 3);
    });
    follower = recordFollower(client);
    const record = follower;
    await waitUntil(() => record.changes.length === 1);
    expect({
      reloads: record.reloads.map((reload) => [reload.reason, reload.sequence]),
      changes: record.changes.map((change) => change.sequence),
      connections: service.exchanges.length,
      reconnecting: record.states.some((state) => state.status === 'reconnecting'),
    }).toEqual({ reloads: [['UNREADABLE_CHANGE', 2]], changes: [3], connections: 1, reconnecting: false });
  });

  it('stops at once and closes the stream when the caller aborts while live', async () => {
    service.script((exchange) => {
      exchange.open();
      exchange.event('ready', readyAt(1), 1);
    });
    follower = recordFollower(client);
    const record = follower;
    await waitUntil(() => record.ready.length === 1);
    const started = Date.now();
    record.controller.abort();
    expect(await record.outcome).toEqual({ kind: 'cancelled' });
    await service.exchanges[0]?.closed;
    // Not a speed measure: without the abort the stream stays open until the service ends it
    // (heartbeats keep it alive for ever); 5 s leaves room for two loaded cores.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops at once when the caller aborts while waiting to reconnect', async () => {
    service.script((exchange) => {
      exchange.refuse(429, { code: 'TOO_MANY_STREAMS', message: 'Too many open streams.' }, { 'retry-after': '30' });
    });
    follower = recordFollower(client);
    const record = follower;
    await waitUntil(() => statuses(record).includes('reconnecting'));
    const started = Date.now();
    record.controller.abort();
    expect(await record.outcome).toEqual({ kind: 'cancelled' });
    // Not a speed measure: without the abort the follower waits the 30 s Retry-After.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('rejects with the handler error and closes the stream when a handler throws', async () => {
    service.script((exchange) => {
      exchange.open();
      exchange.event('ready', readyAt(1), 1);
      exchange.event('change', changeAt(2), 2);
    });
    const controller = new AbortController();
    const outcome = client.followChanges({
      signal: controller.signal,
      onChange: () => {
        throw new Error('the grid is gone');
      },
      onReload: () => undefined,
      onState: () => undefined,
    });
    await expect(outcome).rejects.toThrow('the grid is gone');
    await service.exchanges[0]?.closed;
    expect(service.exchanges).toHaveLength(1);
  });

  it('keeps the token out of every reason it reports', async () => {
    service.script(
      (exchange) => {
        exchange.refuse(503, { code: 'DIRECTORY_UNAVAILABLE', message: `Could not check ${TOKEN}.` }, { 'retry-after': '0' });
      },
      (exchange) => {
        exchange.open();
        exchange.event('ready', readyAt(1), 1);
      },
    );
    follower = recordFollower(client);
    const record = follower;
    await waitUntil(() => record.ready.length === 1);
    expect(record.states.find((state) => state.status === 'reconnecting')?.reason).toBe('Could not check [redacted].');
  });
});
