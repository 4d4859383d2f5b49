import { describe, expect, it } from 'vitest';
import { makeObject } from '../policy/testing/policy-fixtures.ts';
import { authorizeAccount, type AuthorizationRequest } from './authorize-account.ts';
import { createFakeDirectory, createFakeService } from './testing/fake-ports.ts';

const exchangeServers = makeObject({ name: 'Exchange Servers', kind: 'group', group: { scope: 'universal', security: true } });
const exch01 = makeObject({ name: 'EXCH01', kind: 'computer' });
const alice = makeObject({ name: 'alice', kind: 'user' });
const directory = createFakeDirectory([exchangeServers, exch01, alice], new Map([[exchangeServers.sid, [exch01]]]));
const key = '5b0b6c1e-8f0e-4f7d-9a43-0c1d2e3f4a5b';

function request(overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return {
    role: 'exchange',
    account: { sid: exchangeServers.sid },
    connectorHosts: { from: 'service' },
    acknowledged: ['SUPER_USER_GRANT'],
    idempotencyKey: key,
    ...overrides,
  };
}

describe('authorizeAccount', () => {
  it("writes the directory's name with If-Match on the version judged and the idempotency key when every warning is acknowledged", async () => {
    const service = createFakeService();
    const outcome = await authorizeAccount(directory, service, request({ expectedVersionTag: '"0"' }));
    expect({
      status: outcome.status,
      added: outcome.status === 'added' && outcome.added.result.entry.name,
      writes: service.calls.filter((call) => call.startsWith('add:')),
    }).toEqual({
      status: 'added',
      added: 'CORP\\Exchange Servers',
      writes: [`add:${exchangeServers.sid}:CORP\\Exchange Servers:exchange:"0":${key}`],
    });
  });

  it('asks for each unacknowledged warning by code and writes nothing', async () => {
    const service = createFakeService();
    const outcome = await authorizeAccount(directory, service, request({ acknowledged: [] }));
    expect({ outcome: outcome.status === 'needs-acknowledgement' && outcome.codes, entries: service.entries }).toEqual({
      outcome: ['SUPER_USER_GRANT'],
      entries: [],
    });
  });

  it('blocks a grant with an error finding whatever was acknowledged', async () => {
    const service = createFakeService();
    const outcome = await authorizeAccount(directory, service, request({ account: { sid: alice.sid } }));
    expect({ outcome: outcome.status === 'blocked' && outcome.codes, entries: service.entries }).toEqual({
      outcome: ['EXCHANGE_REQUIRES_SECURITY_GROUP'],
      entries: [],
    });
  });

  it('refuses as list-changed, before judging errors or writing, when the live list is not the version expected', async () => {
    const service = createFakeService();
    service.version = 3;
    const outcome = await authorizeAccount(directory, service, request({ account: { sid: alice.sid }, expectedVersionTag: '"0"' }));
    expect({ status: outcome.status, writes: service.calls.filter((call) => call.startsWith('add:')) }).toEqual({ status: 'list-changed', writes: [] });
  });

  it('writes against the version it read when no version was expected', async () => {
    const service = createFakeService();
    service.version = 7;
    const outcome = await authorizeAccount(directory, service, request({ account: { name: 'Exchange Servers' } }));
    expect(outcome.status === 'added' && outcome.added.etag).toBe('"8"');
  });

  it('answers unresolved, and writes nothing, when the account is not in the directory', async () => {
    const service = createFakeService();
    const outcome = await authorizeAccount(directory, service, request({ account: { sid: 'S-1-5-21-9-9-9-9999' } }));
    expect({ status: outcome.status, writes: service.calls.filter((call) => call.startsWith('add:')) }).toEqual({ status: 'unresolved', writes: [] });
  });
});
