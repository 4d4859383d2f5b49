import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './store/testing/postgres-test-database.ts';
import { call } from './testing/http.ts';
import { startTestService, upnOf, type TestService } from './testing/service-fixture.ts';
import { startTcpProxy, type TcpProxy } from './testing/tcp-proxy.ts';

describe('a node whose PostgreSQL goes away and comes back', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const [first] = database.target.hosts;
    proxy = await startTcpProxy(first?.port ?? 0);
    const url = `postgres://${database.target.user}@127.0.0.1:${String(proxy.port)}/${database.target.database}`;
    service = await startTestService({}, { databaseFile: url, env: { CONNECTOR_DATABASE_PASSWORD: database.target.password ?? '' } });
    await service.grant(upnOf('alice'), 'ConnectorAdministrator');
    token = await service.signIn(upnOf('alice'));
  });
  afterAll(async () => {
    await service.dispose();
    await proxy.close();
    await database.drop();
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After while the database is away, and serves again by itself when it is back', async () => {
    const before = await call(service.url, 'GET', '/v1/authorized-accounts', { token });
    await proxy.cut();
    const during = await call(service.url, 'GET', '/v1/authorized-accounts', { token });
    await proxy.restore();
    let after = await call(service.url, 'GET', '/v1/authorized-accounts', { token });
    // The pool may still hold a connection the cut killed; the node reconnects on the next call.
    for (let attempt = 0; attempt < 10 && after.status !== 200; attempt += 1) after = await call(service.url, 'GET', '/v1/authorized-accounts', { token });
    expect({
      before: before.status,
      during: { status: during.status, code: during.body.code, retryAfter: during.headers.get('retry-after') },
      after: { status: after.status, body: after.body },
      passwordInLogs: service.logLines.some((line) => line.includes(database.target.password ?? '\u0000')),
    }).toEqual({
      before: 200,
      during: { status: 503, code: 'DATABASE_UNAVAILABLE', retryAfter: '5' },
      after: { status: 200, body: before.body },
      passwordInLogs: false,
    });
  });
});
