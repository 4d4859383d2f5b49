import { describe, expect, it } from 'vitest';
import { makeObject } from '../../core/policy/testing/policy-fixtures.ts';
import { createTestConsole, type TestConsole } from './testing/test-console.ts';

const exchangeServers = makeObject({ name: 'Exchange Servers', kind: 'group', group: { scope: 'universal', security: true } });
const nested = makeObject({ name: 'Exchange Nested', kind: 'group', group: { scope: 'universal', security: true } });
const exch01 = makeObject({ name: 'EXCH01', kind: 'computer' });
const exch02 = makeObject({ name: 'EXCH02', kind: 'computer' });
const alice = makeObject({ name: 'alice', kind: 'user' });
const fs01 = makeObject({ name: 'FS01', kind: 'computer' });
const empty = makeObject({ name: 'Empty', kind: 'group' });
const operationId = () => crypto.randomUUID();

/** Exchange Servers holds EXCH01 and Exchange Nested, which holds EXCH02, alice and EXCH01 again. */
async function signedIn(): Promise<TestConsole> {
  const harness = createTestConsole({
    objects: [exchangeServers, nested, exch01, exch02, alice, fs01, empty],
    members: new Map([
      [exchangeServers.sid, [exch01, nested]],
      [nested.sid, [exch02, alice, exch01]],
    ]),
  });
  await harness.signIn();
  return harness;
}

describe('servers:removal-impact', () => {
  it("counts a group's accounts at any depth once each, names them from the directory, and says it is a group", async () => {
    const harness = await signedIn();

    const result = await harness.dispatcher.dispatch('servers:removal-impact', { sid: exchangeServers.sid, operationId: operationId() });

    expect(result).toEqual({
      ok: true,
      value: {
        object: { sid: exchangeServers.sid, label: `CORP\\${exchangeServers.samAccountName ?? ''}`, kind: 'group' },
        members: { total: 3, first: [alice, exch01, exch02].map((object) => `CORP\\${object.samAccountName ?? ''}`).sort((a, b) => a.localeCompare(b)) },
      },
    });
  });

  it('answers an account with no members, an empty group with none, and a SID nobody has with no object', async () => {
    const harness = await signedIn();

    const answers = await Promise.all(
      [fs01.sid, empty.sid, 'S-1-5-21-9-9-9-9999'].map((sid) => harness.dispatcher.dispatch('servers:removal-impact', { sid, operationId: operationId() })),
    );

    expect(answers.map((answer) => answer.ok && answer.value)).toEqual([
      { object: { sid: fs01.sid, label: `CORP\\${fs01.samAccountName ?? ''}`, kind: 'computer' }, members: null },
      { object: { sid: empty.sid, label: `CORP\\${empty.samAccountName ?? ''}`, kind: 'group' }, members: { total: 0, first: [] } },
      { object: null, members: null },
    ]);
  });

  it('needs a session', async () => {
    const harness = createTestConsole({ objects: [fs01] });

    const result = await harness.dispatcher.dispatch('servers:removal-impact', { sid: fs01.sid, operationId: operationId() });

    expect(!result.ok && result.error.code).toBe('NOT_SIGNED_IN');
  });
});
