import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectorClient } from './connector-client.ts';
import { changeAt, readyAt, recordFollower, waitUntil } from './testing/feed-follower.ts';
import { startFeedService } from './testing/feed-service.ts';
import type { FeedService } from './testing/feed-service.ts';
import { startForwardProxy } from './testing/forward-proxy.ts';
import type { ForwardProxy } from './testing/forward-proxy.ts';
import { createTestCertificates } from './testing/test-certificates.ts';
import type { TestCertificates } from './testing/test-certificates.ts';

describe('change-feed over the client connection settings', () => {
  let certificates: TestCertificates;
  let service: FeedService;
  let proxy: ForwardProxy;

  beforeAll(async () => {
    certificates = createTestCertificates();
    service = await startFeedService(certificates.server);
    proxy = await startForwardProxy();
    service.script((exchange) => {
      exchange.open();
      exchange.event('ready', readyAt(1), 1);
      exchange.event('change', changeAt(2), 2);
    });
  });
  afterAll(async () => {
    await Promise.all([service.close(), proxy.close()]);
    certificates.remove();
  });

  it('follows over HTTPS through the configured proxy, trusting the client CA', async () => {
    const client = createConnectorClient({ baseUrl: service.url, token: 'token', proxy: { url: proxy.url }, caPem: certificates.caPem });
    const follower = recordFollower(client);
    try {
      await waitUntil(() => follower.changes.length === 1);
      expect({ changes: follower.changes.map((change) => change.sequence), tunnels: proxy.records }).toEqual({
        changes: [2],
        tunnels: [{ kind: 'tunnel', target: `127.0.0.1:${new URL(service.url).port}` }],
      });
    } finally {
      follower.controller.abort();
      await follower.outcome;
      await client.close();
    }
  });

  it('keeps a stream open past the request timeout: only the wait for the headers is bounded', async () => {
    const plain = await startFeedService();
    plain.script((exchange) => {
      exchange.open();
      exchange.event('ready', readyAt(1), 1);
      setTimeout(() => {
        exchange.event('change', changeAt(2), 2);
      }, 600);
    });
    const client = createConnectorClient({ baseUrl: plain.url, token: 'token', proxy: 'none', timeoutMs: 200 });
    const follower = recordFollower(client);
    try {
      await waitUntil(() => follower.changes.length === 1);
      expect({ states: follower.states.map((state) => state.status), connections: plain.exchanges.length }).toEqual({
        states: ['connecting', 'live'],
        connections: 1,
      });
    } finally {
      follower.controller.abort();
      await follower.outcome;
      await client.close();
      await plain.close();
    }
  });

  it('reports an untrusted certificate as the reason it keeps reconnecting', async () => {
    const client = createConnectorClient({ baseUrl: service.url, token: 'token', proxy: 'none' });
    const follower = recordFollower(client);
    try {
      await waitUntil(() => follower.states.some((state) => state.status === 'reconnecting'));
      expect(follower.states.find((state) => state.status === 'reconnecting')?.reason).toMatch(/certificate/i);
    } finally {
      follower.controller.abort();
      await follower.outcome;
      await client.close();
    }
  });
});
