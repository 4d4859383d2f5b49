import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConnectorClient } from './connector-client.ts';
import type { ConnectorClient } from './connector-client-types.ts';
import { readyAt, recordFollower, waitUntil } from './testing/feed-follower.ts';
import type { FollowerRecord } from './testing/feed-follower.ts';
import { startFeedService } from './testing/feed-service.ts';
import type { FeedExchange, FeedService } from './testing/feed-service.ts';

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.ZmVlZA.c2lnbmF0dXJl';

describe('change-feed refusals and failures', () => {
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

  it.each([
    [429, 'TOO_MANY_STREAMS', 'Too many open streams for this administrator.'],
    [503, 'DATABASE_UNAVAILABLE', 'The configuration database could not be reached.'],
  ])('waits as Retry-After says when refused with %i', async (status, code, message) => {
    service.script(
      (exchange) => {
        exchange.refuse(status, { code, message }, { 'retry-after': '1' });
      },
      (exchange) => {
        exchange.open();
        exchange.event('ready', readyAt(1), 1);
      },
    );
    follower = recordFollower(client);
    const record = follower;
    await waitUntil(() => record.ready.length === 1);
    const reconnecting = record.states.find((state) => state.status === 'reconnecting');
    const [first, second] = service.exchanges;
    expect({ states: statuses(record), reason: reconnecting?.reason }).toEqual({ states: ['connecting', 'reconnecting', 'live'], reason: message });
    expect(Date.parse(reconnecting?.retryAt ?? '') - (reconnecting?.at ?? 0)).toBeGreaterThanOrEqual(990);
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('counts a stream dead after three heartbeats of silence, and heartbeats keep it alive until then', async () => {
    service.script(
      (exchange) => {
        exchange.open();
        exchange.event('ready', readyAt(1, { heartbeatSeconds: 1 }), 1);
        const beat = setInterval(() => {
          exchange.write(': keep-alive\n\n');
        }, 400);
        setTimeout(() => {
          clearInterval(beat);
        }, 2_000);
        void exchange.closed.then(() => {
          clearInterval(beat);
        });
      },
      (exchange) => {
        exchange.open();
        exchange.event('ready', readyAt(1), 1);
      },
    );
    follower = recordFollower(client);
    const record = follower;
    await waitUntil(() => record.ready.length === 2, 8_000, 'the second ready');
    const [first, second] = service.exchanges;
    const reconnecting = record.states.find((state) => state.status === 'reconnecting');
    expect(reconnecting?.reason).toContain('Nothing arrived from the service for 3 s');
    // Last heartbeat at ~2 s, dead 3 s later: ~5 s, not 3 s after ready.
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(4_500);
  }, 10_000);

  it.each([
    [
      'a 404 (an older service)',
      (exchange: FeedExchange) => {
        exchange.refuse(404, { code: 'NOT_FOUND', message: 'Route not found.' });
      },
      'no change feed',
    ],
    [
      'a 200 that is not an event stream',
      (exchange: FeedExchange) => {
        exchange.refuse(200, { version: 1, entries: [] });
      },
      'instead of an event stream',
    ],
    [
      'a stream whose ready never arrives (a buffering proxy)',
      (exchange: FeedExchange) => {
        exchange.open();
      },
      'holds the stream back',
    ],
  ])('says the feed is unavailable after %s and tries again later', async (_label, refuse, words) => {
    service.script(refuse, (exchange) => {
      exchange.open();
      exchange.event('ready', readyAt(1), 1);
    });
    follower = recordFollower(client, { backoff: { initialMs: 20, maxMs: 100, unavailableMs: 200, readyTimeoutMs: 300 } });
    const record = follower;
    await waitUntil(() => record.ready.length === 1);
    const unavailable = record.states.find((state) => state.status === 'unavailable');
    expect(statuses(record)).toEqual(['connecting', 'unavailable', 'live']);
    expect(unavailable?.reason).toContain(words);
    expect(Date.parse(unavailable?.retryAt ?? '') - (unavailable?.at ?? 0)).toBeGreaterThanOrEqual(190);
  });

  it.each([
    ['a 401 before the stream', 401, 'TOKEN_EXPIRED', 'Your sign-in expired. Sign in again.'],
    ['a 403 before the stream', 403, 'ROLE_REVOKED', 'You no longer hold an administrator role.'],
    ['a 400 for the position', 400, 'INVALID_LAST_EVENT_ID', 'Last-Event-ID must be digits.'],
  ])('ends without retrying after %s', async (_label, status, code, message) => {
    service.script((exchange) => {
      exchange.refuse(status, { code, message });
    });
    follower = recordFollower(client);
    expect(await follower.outcome).toEqual({ kind: 'ended', code, message });
    expect(service.exchanges).toHaveLength(1);
  });

  it('ends when the service ends the stream for the token, and reconnects when a node stops', async () => {
    service.script(
      (exchange) => {
        exchange.open();
        exchange.event('ready', readyAt(1), 1);
        exchange.event('end', { code: 'SERVICE_STOPPING', message: 'This node is stopping; reconnect.' });
      },
      (exchange) => {
        exchange.open();
        exchange.event('ready', readyAt(1, { node: 'RMSCON02' }), 1);
        exchange.event('end', { code: 'TOKEN_EXPIRED', message: 'Your sign-in expired. Sign in again.' });
      },
    );
    follower = recordFollower(client);
    expect(await follower.outcome).toEqual({ kind: 'ended', code: 'TOKEN_EXPIRED', message: 'Your sign-in expired. Sign in again.' });
    expect(follower.states.map(({ status, node }) => `${status}${node ? ` ${node}` : ''}`)).toEqual([
      'connecting',
      'live RMSCON01',
      'reconnecting',
      'live RMSCON02',
    ]);
  });
});
