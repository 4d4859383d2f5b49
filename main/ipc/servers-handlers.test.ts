import { describe, expect, it } from 'vitest';
import { makeObject } from '../../core/policy/testing/policy-fixtures.ts';
import { createTestConsole, type TestConsole } from './testing/test-console.ts';

const exchangeServers = makeObject({ name: 'Exchange Servers', kind: 'group', group: { scope: 'universal', security: true } });
const exch01 = makeObject({ name: 'EXCH01', kind: 'computer' });
const alice = makeObject({ name: 'alice', kind: 'user' });
const operationId = () => crypto.randomUUID();

async function signedIn(): Promise<TestConsole> {
  const harness = createTestConsole({ objects: [exchangeServers, exch01, alice], members: new Map([[exchangeServers.sid, [exch01]]]) });
  await harness.signIn();
  return harness;
}

const codesOf = (value: unknown) =>
  (value as { findings: { code: string; severity: string }[] }).findings.map((finding) => `${finding.severity}:${finding.code}`);

describe('servers channels', () => {
  it('lists the live list with its version tag', async () => {
    const harness = await signedIn();
    expect(await harness.dispatcher.dispatch('servers:list', {})).toEqual({ ok: true, value: { version: 0, versionTag: '"0"', entries: [], accounts: [] } });
  });

  it('checks a grant: the object as the admin knows it, its findings, and the version judged', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('servers:check', { role: 'exchange', sid: exchangeServers.sid, operationId: operationId() });
    expect(result).toEqual({
      ok: true,
      value: {
        role: 'exchange',
        object: { sid: exchangeServers.sid, label: 'CORP\\Exchange Servers', kind: 'group', inFolder: 'corp.contoso.test/Test' },
        findings: expect.any(Array),
        versionTag: '"0"',
      },
    });
    expect(result.ok && codesOf(result.value)).toEqual(['warning:SUPER_USER_GRANT', 'info:GROUP_SHARES_CERTIFICATES']);
  });

  it("answers the directory's NOT_FOUND for a SID nobody has", async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('servers:check', { role: 'fci', sid: 'S-1-5-21-9-9-9-9999', operationId: operationId() });
    expect(result).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', source: 'directory', title: 'Not found in the directory', message: expect.stringContaining('S-1-5-21-9-9-9-9999') },
    });
  });

  it('asks for each warning to be acknowledged before saving, and saves nothing', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('servers:add', {
      role: 'exchange',
      sid: exchangeServers.sid,
      acknowledged: [],
      versionTag: '"0"',
      operationId: operationId(),
    });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'NEEDS_ACKNOWLEDGEMENT', source: 'console', details: ['SUPER_USER_GRANT'] }) });
    expect(harness.connector.entries).toEqual([]);
  });

  it('saves an acknowledged grant with the version judged and the operation id as idempotency key', async () => {
    const harness = await signedIn();
    const id = operationId();
    const result = await harness.dispatcher.dispatch('servers:add', {
      role: 'exchange',
      sid: exchangeServers.sid,
      acknowledged: ['SUPER_USER_GRANT'],
      versionTag: '"0"',
      operationId: id,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        entry: expect.objectContaining({ sid: exchangeServers.sid, name: 'CORP\\Exchange Servers', role: 'exchange' }),
        version: 1,
        versionTag: '"1"',
        superUserFeatureEnabled: true,
        findings: expect.any(Array),
      },
    });
    expect(harness.connector.calls).toContain(`add:${exchangeServers.sid}:${id}`);
  });

  it('refuses a save judged against an older list as LIST_CHANGED, before writing', async () => {
    const harness = await signedIn();
    harness.connector.version = 3;
    const result = await harness.dispatcher.dispatch('servers:add', {
      role: 'exchange',
      sid: exchangeServers.sid,
      acknowledged: ['SUPER_USER_GRANT'],
      versionTag: '"0"',
      operationId: operationId(),
    });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'LIST_CHANGED',
        source: 'console',
        message: 'The list was changed by someone else. Reload it, check your change against the new list, then save again.',
      }),
    });
    expect(harness.connector.calls.filter((call) => call.startsWith('add:'))).toEqual([]);
  });

  it('blocks a grant with an error finding whatever was acknowledged', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('servers:add', {
      role: 'exchange',
      sid: alice.sid,
      acknowledged: ['SUPER_USER_GRANT'],
      versionTag: '"0"',
      operationId: operationId(),
    });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BLOCKED_BY_FINDINGS', source: 'console', details: ['EXCHANGE_REQUIRES_SECURITY_GROUP'] }),
    });
  });

  it('removes an entry conditionally; a stale version is LIST_CHANGED and an unknown id NOT_FOUND', async () => {
    const harness = await signedIn();
    await harness.dispatcher.dispatch('servers:add', {
      role: 'exchange',
      sid: exchangeServers.sid,
      acknowledged: ['SUPER_USER_GRANT'],
      versionTag: '"0"',
      operationId: operationId(),
    });
    const id = harness.connector.entries[0]?.id ?? '';
    expect(await harness.dispatcher.dispatch('servers:remove', { id, versionTag: '"0"' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'LIST_CHANGED' }),
    });
    expect(await harness.dispatcher.dispatch('servers:remove', { id, versionTag: '"1"' })).toEqual({
      ok: true,
      value: { removed: expect.objectContaining({ id }), version: 2, versionTag: '"2"' },
    });
    expect(await harness.dispatcher.dispatch('servers:remove', { id, versionTag: '"2"' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NOT_FOUND', source: 'service' }),
    });
  });

  it('exports the list as CSV with its file name and entry count', async () => {
    const harness = await signedIn();
    await harness.dispatcher.dispatch('servers:add', {
      role: 'exchange',
      sid: exchangeServers.sid,
      acknowledged: ['SUPER_USER_GRANT'],
      versionTag: '"0"',
      operationId: operationId(),
    });
    const result = await harness.dispatcher.dispatch('servers:export-csv', {});
    expect(result).toEqual({
      ok: true,
      value: {
        fileName: 'servers-allowed-to-utilize-the-connector.csv',
        csv: expect.stringMatching(/^Account,Role,Object type,SID,Added by,Added on\r\nCORP\\Exchange Servers,Exchange Server,Group,S-1-5-21-/),
        entries: 1,
      },
    });
  });

  it('reads the audit log with the filters given', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('audit:list', { limit: 20, action: 'authorized-account.add' });
    expect(result).toEqual({ ok: true, value: { records: [], nextBefore: null } });
    expect(harness.connector.calls.at(-1)).toBe('audit:{"limit":20,"action":"authorized-account.add"}');
  });

  it('lists effective super users and reviews the live list', async () => {
    const harness = await signedIn();
    await harness.dispatcher.dispatch('servers:add', {
      role: 'exchange',
      sid: exchangeServers.sid,
      acknowledged: ['SUPER_USER_GRANT'],
      versionTag: '"0"',
      operationId: operationId(),
    });
    const superUsers = await harness.dispatcher.dispatch('review:super-users', { operationId: operationId() });
    expect(superUsers).toEqual({
      ok: true,
      value: {
        superUsers: [
          {
            account: exch01,
            grants: [
              {
                entry: { sid: exchangeServers.sid, name: 'CORP\\Exchange Servers', role: 'exchange' },
                path: ['CORP\\Exchange Servers'],
                throughPrimaryGroup: false,
              },
            ],
          },
        ],
        orphanedEntries: [],
        listVersion: 1,
      },
    });
    expect(await harness.dispatcher.dispatch('review:list', { operationId: operationId() })).toEqual({
      ok: true,
      value: { findings: [], entries: 1, listVersion: 1 },
    });
  });
});
