import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedSids } from '../../connector/server/testing/seed-sids.ts';
import { startTestService, upnOf, type TestService } from '../../connector/server/testing/service-fixture.ts';
import type { ConsoleEvent } from '../../contract/console-events.ts';
import { createConnectorClient, type ConnectorClient } from '../../core/connector/index.ts';
import { createLiveConsole, liveSignInRequest, type LiveConsole } from './testing/live-console.ts';

/**
 * An old service, as far as the feed goes: an HTTP front that answers 404 to `GET /v1/events`
 * and hands everything else to the real node.
 */
async function startFeedlessFront(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server: Server = createServer((incoming, outgoing) => {
    if (incoming.url?.startsWith('/v1/events') === true) {
      outgoing.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'NOT_FOUND', message: 'No such route.' }));
      return;
    }
    const relay = forward(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    relay.on('error', () => outgoing.destroy());
    incoming.pipe(relay);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** Wait until `events` holds one that `matches`, or fail naming what arrived. */
async function eventMatching(events: readonly ConsoleEvent[], matches: (event: ConsoleEvent) => boolean, timeoutMs = 10_000): Promise<ConsoleEvent> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = events.find(matches);
    if (found !== undefined) return found;
    if (performance.now() > deadline) throw new Error(`No such event within ${String(timeoutMs)} ms; heard: ${JSON.stringify(events)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('live changes through the real dispatcher, client and service', () => {
  let service: TestService;
  let other: ConnectorClient;
  let sid = '';
  let console: LiveConsole | undefined;

  beforeAll(async () => {
    service = await startTestService({ nodeName: 'RMSCON01' });
    await service.grant(upnOf('alice'), 'GlobalAdministrator');
    other = createConnectorClient({ baseUrl: service.url, token: await service.signIn(upnOf('alice')) });
    [sid = ''] = Object.values(await seedSids(['svc-sp-central']));
  });
  afterEach(async () => {
    await console?.dispatcher.close();
    console = undefined;
  });
  afterAll(async () => {
    await other.close();
    await service.dispose();
  });

  /** Add svc-sp-central when it is not in the list, else remove it, as another admin's client would. */
  const changeElsewhere = async (): Promise<number> => {
    const { list, etag } = await other.listAuthorizedAccounts();
    const present = list.entries.find((entry) => entry.sid === sid);
    if (present !== undefined) return (await other.removeAuthorizedAccount(present.id, { ifMatch: etag })).result.version;
    return (await other.addAuthorizedAccount({ sid, name: 'CORP\\svc-sp-central', role: 'sharepoint' }, { ifMatch: etag })).result.version;
  };

  it("says live once signed in and pushes another client's change, told in a sentence", async () => {
    console = createLiveConsole(service);
    const heard: ConsoleEvent[] = [];
    console.dispatcher.subscribe((event) => heard.push(event));
    await console.value('session:sign-in', liveSignInRequest(service));
    await eventMatching(heard, (event) => event.kind === 'feed-state' && event.state.status === 'live');

    const version = await changeElsewhere();

    const change = await eventMatching(heard, (event) => event.kind === 'change');
    expect(change).toEqual({
      kind: 'change',
      change: {
        summary: 'alice@corp.contoso.test added CORP\\svc-sp-central as SharePoint Server, through RMSCON01',
        at: expect.any(String),
        actor: 'alice@corp.contoso.test',
        node: 'RMSCON01',
        listVersion: version,
        touches: ['list'],
      },
    });
    expect(await console.value('changes:get-status', {})).toEqual({ status: 'live', node: 'RMSCON01' });
  });

  it('polls with If-None-Match when the service has no feed, says so, and pushes a reload when the list moved', async () => {
    const front = await startFeedlessFront(service.url);
    try {
      console = createLiveConsole(service, { liveChanges: { pollIntervalMs: 300 } });
      const heard: ConsoleEvent[] = [];
      console.dispatcher.subscribe((event) => heard.push(event));
      await console.value('session:sign-in', liveSignInRequest(service, { serviceUrl: front.url }));
      const polling = await eventMatching(heard, (event) => event.kind === 'feed-state' && event.state.status === 'polling');
      expect(polling).toEqual({ kind: 'feed-state', state: { status: 'polling', reason: expect.any(String), intervalSeconds: 1 } });
      // A poll or two of an unchanged list first: nothing to push.
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(heard.filter((event) => event.kind === 'reload')).toEqual([]);

      const version = await changeElsewhere();

      expect(await eventMatching(heard, (event) => event.kind === 'reload')).toEqual({
        kind: 'reload',
        listVersion: version,
        at: expect.any(String),
        message: `The list changed on the service (now version ${String(version)}).`,
      });
      expect(heard.filter((event) => event.kind === 'change')).toEqual([]);
    } finally {
      await console?.dispatcher.close();
      await front.close();
    }
  });
});
