import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adConnectOptions, adTestConnection } from '../../core/directory/testing/ad-test-connection.ts';
import { SuperUsersSchema } from '../../contract/connector-api/index.ts';
import type { DriftOutcome } from './drift/super-user-drift.ts';
import { createDriftDirectory, type DriftDirectory } from './testing/drift-directory.ts';
import { openEventReader, opened, type EventReader } from './testing/event-reader.ts';
import { call } from './testing/http.ts';
import { startTestService, upnOf, type TestService } from './testing/service-fixture.ts';
import { startTcpProxy, type TcpProxy } from './testing/tcp-proxy.ts';
import { createTestDatabase, type TestDatabase } from './store/testing/postgres-test-database.ts';

const TAG = String(process.pid % 1_000_000);

/** The drift records of the audit trail for one account, oldest first: `joined` / `left`. */
async function driftOf(node: TestService, token: string, account: string): Promise<string[]> {
  const page = await call(node.url, 'GET', '/v1/audit?limit=500', { token });
  const records = page.body.records as { action: string; target: string }[];
  return records
    .filter((record) => record.target === account && record.action.startsWith('super-user.'))
    .map((record) => record.action.replace('super-user.', ''))
    .reverse();
}

function expanded(outcome: DriftOutcome) {
  if (outcome.kind !== 'expanded') throw new Error(`The expansion was skipped: ${outcome.reason} ${outcome.message}`);
  return outcome.recording;
}

describe('super-user drift on one node, against the Samba DC', () => {
  let ad: DriftDirectory;
  let proxy: TcpProxy;
  let node: TestService;
  let token: string;
  let reader: EventReader;
  const user = () => `CORP\\${ad.userSam}`;

  beforeAll(async () => {
    ad = await createDriftDirectory(`a${TAG}`);
    // The node reads the DC through a proxy the test can cut: a directory outage.
    const dc = new URL(adTestConnection().url);
    proxy = await startTcpProxy(Number(dc.port));
    node = await startTestService({ directory: adConnectOptions({ url: `${dc.protocol}//127.0.0.1:${String(proxy.port)}` }), driftIntervalSeconds: 0 });
    await node.grant(upnOf('alice'), 'ConnectorAdministrator');
    token = await node.signIn(upnOf('alice'));
    reader = opened(await openEventReader(node.url, { token }));
    await reader.next();
  });
  afterAll(async () => {
    const timings = node.logLines
      .filter((line) => line.includes('super users expanded'))
      .map((line) => (JSON.parse(line) as { durationMs: number }).durationMs);
    console.log(`super-user expansions of one Exchange group (1 computer, 1 nested group, 0–1 user) against the Samba DC, ms: ${timings.join(', ')}`);
    reader.close();
    await node.dispose();
    await proxy.close();
    await ad.remove();
  });

  it('expands after the Exchange entry is added: the computer in the group joins, through the group', async () => {
    const answer = await call(node.url, 'POST', '/v1/authorized-accounts', {
      token,
      body: { sid: await ad.outerSid(), name: ad.outer.sam, role: 'exchange' },
      headers: { 'if-match': '"0"' },
    });
    expect(answer.status).toBe(201);
    // The list change started an expansion; this one runs after it and finds nothing new.
    expect(expanded(await node.drift.expandNow()).status).toBe('unchanged');
    const read = SuperUsersSchema.parse((await call(node.url, 'GET', '/v1/super-users', { token })).body);
    expect(read.superUsers.map((account) => [account.name, account.kind, account.grants.map((grant) => grant.path)])).toEqual([
      [`CORP\\${ad.computerSam}`, 'computer', [[`CORP\\${ad.outer.sam}`]]],
    ]);
    expect(read.expandedBy).toBe('RMSCON-TEST');
  });

  it('records a user added to the nested group between two expansions once, in the audit trail and the feed', async () => {
    await ad.addUserToNested();
    const first = expanded(await node.drift.expandNow());
    const second = expanded(await node.drift.expandNow());
    expect([first.status, second.status]).toEqual(['recorded', 'unchanged']);
    expect(await driftOf(node, token, user())).toEqual(['joined']);
    const read = SuperUsersSchema.parse((await call(node.url, 'GET', '/v1/super-users', { token })).body);
    expect(read.superUsers.find((account) => account.name === user())?.grants).toEqual([
      {
        entrySid: await ad.outerSid(),
        entryName: `CORP\\${ad.outer.sam}`,
        path: [`CORP\\${ad.outer.sam}`, `CORP\\${ad.nested.sam}`],
        throughPrimaryGroup: false,
      },
    ]);
    const changes = reader.events.filter((event) => event.event === 'change' && JSON.stringify(event.data).includes(ad.userSam));
    expect(changes.map((event) => (event.data.records as { action: string }[]).map((record) => record.action))).toEqual([['super-user.joined']]);
    expect(changes[0]?.data).toMatchObject({ actor: adConnectOptions().user, actorSid: null, node: 'RMSCON-TEST' });
  });

  it('records nothing while the directory cannot be reached, and the removal once when it is back', async () => {
    await ad.removeUserFromNested();
    await proxy.cut();
    const during = await node.drift.expandNow();
    await proxy.restore();
    expect(during).toMatchObject({ kind: 'skipped', reason: 'DIRECTORY_UNAVAILABLE' });
    expect(await driftOf(node, token, user())).toEqual(['joined']);
    expect((await call(node.url, 'GET', '/v1/super-users', { token })).body.superUsers).toHaveLength(2);
    // Skipped and said so in the node's log, as a warning with the directory's code.
    expect(node.logLines.some((line) => line.includes('"reason":"DIRECTORY_UNAVAILABLE"') && line.includes('"level":40'))).toBe(true);
    expect(expanded(await node.drift.expandNow()).status).toBe('recorded');
    expect(expanded(await node.drift.expandNow()).status).toBe('unchanged');
    expect(await driftOf(node, token, user())).toEqual(['joined', 'left']);
  });

  it('lists the changes since the last review, refuses a stale review with 412, and empties them after a review', async () => {
    const answer = await call(node.url, 'GET', '/v1/super-users', { token });
    const before = { body: SuperUsersSchema.parse(answer.body), headers: answer.headers };
    expect(before.body.changesSinceReview.map((change) => `${change.change} ${change.account.name}`)).toEqual([
      `joined CORP\\${ad.computerSam}`,
      `joined ${user()}`,
      `left ${user()}`,
    ]);
    const etag = before.headers.get('etag') ?? '';
    expect(etag).toBe(`"${String(before.body.version)}"`);
    const stale = await call(node.url, 'POST', '/v1/super-users/review', { token, body: {}, headers: { 'if-match': `"${String(before.body.version - 1)}"` } });
    expect([stale.status, stale.body.code, stale.headers.get('etag')]).toEqual([412, 'PRECONDITION_FAILED', etag]);
    const reviewed = await call(node.url, 'POST', '/v1/super-users/review', { token, body: {}, headers: { 'if-match': etag } });
    expect([reviewed.status, reviewed.body.review]).toEqual([200, expect.objectContaining({ by: upnOf('alice'), version: before.body.version })]);
    const after = SuperUsersSchema.parse((await call(node.url, 'GET', '/v1/super-users', { token })).body);
    expect([after.changesSinceReview, after.lastReview?.by, after.version]).toEqual([[], upnOf('alice'), before.body.version]);
    const audit = await call(node.url, 'GET', '/v1/audit?action=super-users.reviewed', { token });
    expect((audit.body.records as unknown[]).length).toBe(1);
  });

  it.each([
    ['no If-Match', {}, {}, 428, 'PRECONDITION_REQUIRED'],
    ['an If-Match that is no entity tag', { 'if-match': '12' }, {}, 400, 'INVALID_PRECONDITION'],
    ['a weak tag', { 'if-match': 'W/"1"' }, {}, 412, 'PRECONDITION_FAILED'],
    ['an unknown field', { 'if-match': '*' }, { version: 1 }, 400, 'VALIDATION_FAILED'],
    ['a body that is not an object', { 'if-match': '*' }, [], 400, 'VALIDATION_FAILED'],
  ])('refuses a review with %s and writes nothing', async (_label, headers, body, status, code) => {
    const before = await call(node.url, 'GET', '/v1/audit?limit=1', { token });
    const answer = await call(node.url, 'POST', '/v1/super-users/review', { token, body, headers });
    expect([answer.status, answer.body.code]).toEqual([status, code]);
    expect((await call(node.url, 'GET', '/v1/audit?limit=1', { token })).body).toEqual(before.body);
  });

  it('refuses a review without a token before reading it, and a GET of the review path with 405', async () => {
    const anonymous = await call(node.url, 'POST', '/v1/super-users/review', { body: {}, headers: { 'if-match': '*' } });
    const wrongMethod = await call(node.url, 'GET', '/v1/super-users/review', { token });
    expect([anonymous.status, wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([401, 405, 'POST']);
  });
});

/** Poll until `check` holds, or fail after `timeoutMs` naming what was last seen. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (performance.now() > deadline) throw new Error(`Still not there after ${String(timeoutMs)} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('super-user drift on two nodes on PostgreSQL, both expanding every second', () => {
  let ad: DriftDirectory;
  let database: TestDatabase;
  let nodeA: TestService;
  let nodeB: TestService;
  let tokenA: string;
  let reader: EventReader;
  const user = () => `CORP\\${ad.userSam}`;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 4000));

  beforeAll(async () => {
    ad = await createDriftDirectory(`b${TAG}`);
    database = await createTestDatabase();
    const env = { CONNECTOR_DATABASE_PASSWORD: database.target.password ?? '' };
    const url = `postgres://${database.target.user}@${database.target.hosts[0]?.host ?? ''}:${String(database.target.hosts[0]?.port ?? 0)}/${database.target.database}`;
    nodeA = await startTestService({ nodeName: 'RMSCON01', driftIntervalSeconds: 1 }, { databaseFile: url, env });
    nodeB = await startTestService({ nodeName: 'RMSCON02', driftIntervalSeconds: 1 }, { databaseFile: url, env });
    await nodeA.grant(upnOf('alice'), 'ConnectorAdministrator');
    tokenA = await nodeA.signIn(upnOf('alice'));
    reader = opened(await openEventReader(nodeB.url, { token: await nodeB.signIn(upnOf('alice')) }));
    await reader.next();
  });
  afterAll(async () => {
    reader.close();
    await nodeA.dispose();
    await nodeB.dispose();
    await database.drop();
    await ad.remove();
  });

  it('records each difference exactly once while both nodes expand concurrently', async () => {
    const answer = await call(nodeA.url, 'POST', '/v1/authorized-accounts', {
      token: tokenA,
      body: { sid: await ad.outerSid(), name: ad.outer.sam, role: 'exchange' },
      headers: { 'if-match': '"0"' },
    });
    expect(answer.status).toBe(201);
    const superUsers = async () => SuperUsersSchema.parse((await call(nodeA.url, 'GET', '/v1/super-users', { token: tokenA })).body);
    await eventually(superUsers, (read) => read.superUsers.length === 1, 15_000);
    await ad.addUserToNested();
    await eventually(superUsers, (read) => read.superUsers.some((account) => account.name === user()), 15_000);
    await settle();
    await ad.removeUserFromNested();
    await eventually(superUsers, (read) => !read.superUsers.some((account) => account.name === user()), 15_000);
    await settle();
    expect(await driftOf(nodeA, tokenA, user())).toEqual(['joined', 'left']);
    expect(await driftOf(nodeA, tokenA, `CORP\\${ad.computerSam}`)).toEqual(['joined']);
    const driftEvents = reader.events.filter(
      (event) => event.event === 'change' && (event.data.records as { action: string }[]).every((record) => record.action.startsWith('super-user.')),
    );
    expect(
      driftEvents.map((event) => (event.data.records as { action: string; target: string }[]).map((record) => `${record.action} ${record.target}`)),
    ).toEqual([[`super-user.joined CORP\\${ad.computerSam}`], [`super-user.joined ${user()}`], [`super-user.left ${user()}`]]);
    // Both nodes took turns: each expanded, and each skipped while the other held the lock.
    const expandedBy = (node: TestService) => node.logLines.filter((line) => line.includes('super users expanded')).length;
    const skipped = (node: TestService) => node.logLines.filter((line) => line.includes('"reason":"LOCKED"')).length;
    console.log(
      `two nodes, 1 s schedule: RMSCON01 expanded ${String(expandedBy(nodeA))} times (skipped ${String(skipped(nodeA))}), RMSCON02 ${String(expandedBy(nodeB))} (skipped ${String(skipped(nodeB))})`,
    );
    expect(expandedBy(nodeA) + expandedBy(nodeB)).toBeGreaterThan(5);
  });
});
