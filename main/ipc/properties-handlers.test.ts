import { describe, expect, it } from 'vitest';
import { makeObject } from '../../core/policy/testing/policy-fixtures.ts';
import { createTestConsole, type TestConsole } from './testing/test-console.ts';

const operationId = () => crypto.randomUUID();
const alice = makeObject({ name: 'alice', kind: 'user', disabled: true });
const admins = makeObject({ name: 'Exchange Admins', kind: 'group' });

async function signedIn(): Promise<TestConsole> {
  const harness = createTestConsole({ objects: [alice, admins], members: new Map([[admins.sid, [alice]]]) });
  await harness.signIn();
  return harness;
}

describe('directory:properties', () => {
  it('answers a group with its members, named the one way the console names accounts', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('directory:properties', { sid: admins.sid, operationId: operationId() });
    expect(result).toEqual({
      ok: true,
      value: {
        object: admins,
        accountName: 'CORP\\Exchange Admins',
        memberOf: { transitive: false, total: 0, rows: [] },
        members: {
          transitive: false,
          total: 1,
          rows: [
            { sid: alice.sid, accountName: 'CORP\\alice', name: 'alice', kind: 'user', disabled: true, inFolder: 'corp.contoso.test/Test', path: 'direct' },
          ],
        },
      },
    });
    expect(harness.directories[0]?.calls.at(-1)).toBe(`accountProperties:${admins.sid}`);
  });

  it('says NOT_FOUND in plain words when no object has the SID', async () => {
    const harness = await signedIn();
    const result = await harness.dispatcher.dispatch('directory:properties', { sid: 'S-1-5-21-1-2-3-999999', operationId: operationId() });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NOT_FOUND', message: 'No object in the directory has the SID S-1-5-21-1-2-3-999999.' }) as unknown,
    });
  });

  it('refuses a DN in place of the SID before the directory hears of it', async () => {
    const harness = await signedIn();
    const before = harness.directories[0]?.calls.length;
    const result = await harness.dispatcher.dispatch('directory:properties', { sid: alice.distinguishedName, operationId: operationId() });
    expect(result.ok ? '' : result.error.code).toBe('INVALID_REQUEST');
    expect(harness.directories[0]?.calls.length).toBe(before);
  });

  it('needs a session', async () => {
    const harness = createTestConsole({ objects: [alice] });
    const result = await harness.dispatcher.dispatch('directory:properties', { sid: alice.sid, operationId: operationId() });
    expect(result.ok ? '' : result.error.code).toBe('NOT_SIGNED_IN');
  });
});
