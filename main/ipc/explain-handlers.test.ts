import { describe, expect, it } from 'vitest';
import type { AuthorizedAccount } from '../../contract/servers.ts';
import type { Role } from '../../contract/policy.ts';
import type { DirectoryObject } from '../../contract/directory.ts';
import type { Explanation } from '../../contract/explain.ts';
import { makeObject } from '../../core/policy/testing/policy-fixtures.ts';
import { createTestConsole, type TestConsole } from './testing/test-console.ts';

const exchangeServers = makeObject({ name: 'Exchange Servers', kind: 'group', group: { scope: 'universal', security: true } });
const allExchange = makeObject({ name: 'All Exchange', kind: 'group', group: { scope: 'universal', security: true } });
const exch01 = makeObject({ name: 'EXCH01', kind: 'computer' });
const fs01 = makeObject({ name: 'FS01', kind: 'computer' });
const fileServers = makeObject({ name: 'File Servers', kind: 'group' });
const alice = makeObject({ name: 'alice', kind: 'user' });
const operationId = () => crypto.randomUUID();
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function listEntry(object: DirectoryObject, role: Role): AuthorizedAccount {
  return {
    id: crypto.randomUUID(),
    sid: object.sid,
    name: `CORP\\${object.name}`,
    role,
    kind: object.kind === 'group' ? 'group' : 'computer',
    addedBy: 'CORP\\alice',
    addedAt: '2025-01-01T00:00:00.000Z',
  };
}

/** EXCH01 → Exchange Servers → All Exchange (authorized for Exchange); File Servers (FCI) holds nobody. */
async function signedIn(): Promise<TestConsole> {
  const harness = createTestConsole({
    objects: [exchangeServers, allExchange, exch01, fs01, fileServers, alice],
    members: new Map([
      [exchangeServers.sid, [exch01]],
      [allExchange.sid, [exchangeServers]],
    ]),
  });
  await harness.signIn();
  harness.connector.entries.push(listEntry(allExchange, 'exchange'), listEntry(fileServers, 'fci'));
  return harness;
}

/** Everything the fakes were asked after sign-in, to prove a refused request reached nothing. */
const touched = (harness: TestConsole) => [...harness.connector.calls, ...harness.directories.flatMap((directory) => directory.calls)];

describe('servers:explain', () => {
  it('answers an admitted account with its path from the account up to the entry, and super user', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('servers:explain', { name: 'CORP\\EXCH01$', operationId: operationId() });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        status: 'found',
        accountName: 'CORP\\EXCH01$',
        admitted: true,
        roles: ['exchange'],
        superUser: true,
        tokenGroupCount: 2,
        grants: [
          {
            entry: { sid: allExchange.sid, name: 'CORP\\All Exchange', role: 'exchange' },
            path: [
              { sid: exch01.sid, name: 'CORP\\EXCH01$', kind: 'computer' },
              { sid: exchangeServers.sid, name: 'CORP\\Exchange Servers', kind: 'group' },
              { sid: allExchange.sid, name: 'CORP\\All Exchange', kind: 'group' },
            ],
            direct: false,
            throughPrimaryGroup: false,
            everyLogon: false,
          },
        ],
      }),
    });
  });

  it('refuses an account nothing admits for the role, with the 2001 advice', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('servers:explain', { name: 'FS01$', role: 'fci', operationId: operationId() });
    const explanation = result.ok ? (result.value as Explanation) : undefined;
    expect(explanation?.status === 'found' && [explanation.admitted, explanation.advice.map((advice) => advice.code)]).toEqual([
      false,
      expect.arrayContaining(['REFUSED_2001', 'JOIN_GROUP', 'AUTHORIZE_DIRECTLY']),
    ]);
  });

  it('answers not-found with advice for a name no account has', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('servers:explain', { name: 'CORP\\nobody', operationId: operationId() });
    expect(result).toEqual({
      ok: true,
      value: {
        status: 'not-found',
        input: 'CORP\\nobody',
        admitted: false,
        advice: expect.arrayContaining([expect.objectContaining({ code: 'NO_SUCH_ACCOUNT' })]),
      },
    });
  });

  it('refuses a group once resolved, saying which account to test instead', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('servers:explain', { name: 'Exchange Servers', operationId: operationId() });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', source: 'directory', title: 'The directory input is not valid', message: expect.stringContaining('is a group') },
    });
  });

  it.each<[string, unknown, string, string]>([
    ['a pattern', { name: 'EXCH*', operationId: operationId() }, 'INVALID_INPUT', 'not a pattern'],
    ['10,000 characters', { name: 'a'.repeat(10_000), operationId: operationId() }, 'INVALID_REQUEST', 'name: Too big'],
    ['a hidden character', { name: 'EXCH01\u200B$', operationId: operationId() }, 'INVALID_REQUEST', 'U+200B (zero width space)'],
    ['a blank name', { name: '   ', operationId: operationId() }, 'INVALID_REQUEST', 'name:'],
    ['an unknown role', { name: 'EXCH01$', role: 'mailbox', operationId: operationId() }, 'INVALID_REQUEST', 'role:'],
    ['an unknown key', { name: 'EXCH01$', list: [], operationId: operationId() }, 'INVALID_REQUEST', 'list'],
    ['no operation id', { name: 'EXCH01$' }, 'INVALID_REQUEST', 'operationId'],
  ])('refuses %s with a clear error before the list or the directory is asked', async (_label, request, code, message) => {
    const harness = await signedIn();
    const before = touched(harness);
    const result = await harness.dispatcher.dispatch('servers:explain', request);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code, message: expect.stringContaining(message) }) });
    expect(touched(harness)).toEqual(before);
  });

  it('needs a session', async () => {
    const harness = createTestConsole();
    expect(await harness.dispatcher.dispatch('servers:explain', { name: 'EXCH01$', operationId: operationId() })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NOT_SIGNED_IN' }),
    });
  });

  it('cancels while the token is read, and answers CANCELLED at once', async () => {
    const harness = await signedIn();
    const directory = harness.directories[0];
    let open = (): void => undefined;
    if (directory) directory.gate = new Promise((resolve) => (open = resolve));
    const id = operationId();
    const explaining = harness.dispatcher.dispatch('servers:explain', { name: 'EXCH01$', operationId: id });
    await tick();
    expect(await harness.dispatcher.dispatch('operation:cancel', { operationId: id })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await explaining).toEqual({ ok: false, error: expect.objectContaining({ code: 'CANCELLED' }) });
    open();
  });
});
