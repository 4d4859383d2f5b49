import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSuperuser, createTestDatabase, postgresTestConnection, type TestDatabase } from './store/testing/postgres-test-database.ts';
import { openEventReader, opened, type EventReader, type ReceivedEvent } from './testing/event-reader.ts';
import { call } from './testing/http.ts';
import { seedSids } from './testing/seed-sids.ts';
import { startTestService, upnOf, type TestService } from './testing/service-fixture.ts';

/** The p-th percentile of `values` (nearest rank). */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** Wait until `reader` holds `count` change events, or fail naming what it has. */
async function changesReceived(reader: EventReader, count: number, timeoutMs: number): Promise<ReceivedEvent[]> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const changes = reader.events.filter((event) => event.event === 'change');
    if (changes.length >= count || performance.now() > deadline) return changes;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the change feed across two nodes on PostgreSQL (LISTEN/NOTIFY)', () => {
  let database: TestDatabase;
  let nodeA: TestService;
  let nodeB: TestService;
  let tokenA: string;
  let tokenB: string;
  let sid = '';
  let etag = '"0"';
  const readers: EventReader[] = [];
  let entryId: string | undefined;

  /** One change through node A: add the entry, or remove it when it is there. Resolves when A answered. */
  const changeThroughA = async (): Promise<number> => {
    const answer =
      entryId === undefined
        ? await call(nodeA.url, 'POST', '/v1/authorized-accounts', {
            token: tokenA,
            body: { sid, name: 'svc-sp-central', role: 'sharepoint' },
            headers: { 'if-match': etag },
          })
        : await call(nodeA.url, 'DELETE', `/v1/authorized-accounts/${entryId}`, { token: tokenA, headers: { 'if-match': etag } });
    if (answer.status !== 201 && answer.status !== 200) throw new Error(`A change through node A failed: ${String(answer.status)} ${answer.text}`);
    entryId = entryId === undefined ? (answer.body.entry as { id: string }).id : undefined;
    etag = answer.headers.get('etag') ?? etag;
    return performance.now();
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { CONNECTOR_DATABASE_PASSWORD: database.target.password ?? '' };
    const url = `postgres://${database.target.user}@${database.target.hosts[0]?.host ?? ''}:${String(database.target.hosts[0]?.port ?? 0)}/${database.target.database}`;
    nodeA = await startTestService({ nodeName: 'RMSCON01' }, { databaseFile: url, env });
    nodeB = await startTestService({ nodeName: 'RMSCON02' }, { databaseFile: url, env });
    await nodeA.grant(upnOf('alice'), 'ConnectorAdministrator');
    await nodeA.grant(upnOf('bob'), 'ConnectorAdministrator');
    tokenA = await nodeA.signIn(upnOf('alice'));
    tokenB = await nodeB.signIn(upnOf('bob'));
    [sid = ''] = Object.values(await seedSids(['svc-sp-central']));
  });
  afterAll(async () => {
    for (const reader of readers) reader.close();
    await nodeA.dispose();
    await nodeB.dispose();
    await database.drop();
  });

  it('delivers 100 changes made through node A to a subscriber on node B, in order, each once, through a lost listening connection', async () => {
    const reader = opened(await openEventReader(nodeB.url, { token: tokenB }));
    readers.push(reader);
    const ready = await reader.next();
    const committedAt: number[] = [];
    for (let index = 0; index < 100; index += 1) {
      committedAt.push(await changeThroughA());
      if (index === 49) {
        // Every node's listening connection is cut mid-stream; they listen again and read what they missed.
        await asSuperuser(postgresTestConnection(), async (admin) => {
          const killed = await admin`
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${database.target.database} AND query ILIKE 'listen%'`;
          expect(killed.length).toBeGreaterThanOrEqual(2);
        });
      }
    }
    const changes = await changesReceived(reader, 100, 15_000);
    const first = Number(ready.id) + 1;
    expect(changes.map((event) => Number(event.id))).toEqual(Array.from({ length: 100 }, (_, index) => first + index));
    expect(changes.every((event) => event.data.node === 'RMSCON01')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reader.events.filter((event) => event.event === 'change')).toHaveLength(100);
    const delays = changes.map((event, index) => event.receivedAt - (committedAt[index] ?? 0));
    const steady = delays.filter((_, index) => index < 45 || index > 60);
    console.log(
      `commit on RMSCON01 -> event on RMSCON02 (from A's answer to B's event, ms): p50 ${percentile(steady, 50).toFixed(1)}, p99 ${percentile(steady, 99).toFixed(1)}, max ${Math.max(...steady).toFixed(1)} (steady, ${String(steady.length)} changes); around the cut: max ${Math.max(...delays).toFixed(1)}`,
    );
  });

  it('replays on node B exactly what a client missed after following node A', async () => {
    const onA = opened(await openEventReader(nodeA.url, { token: tokenA }));
    readers.push(onA);
    const ready = await onA.next();
    onA.close();
    for (let index = 0; index < 5; index += 1) await changeThroughA();
    const onB = opened(await openEventReader(nodeB.url, { token: tokenB, lastEventId: ready.id ?? '' }));
    readers.push(onB);
    const replayReady = await onB.next();
    const missed = await changesReceived(onB, 5, 5000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([replayReady.data.replaying, missed.map((event) => Number(event.id)), onB.events.length]).toEqual([
      5,
      [1, 2, 3, 4, 5].map((offset) => Number(ready.id) + offset),
      6,
    ]);
  });
});
