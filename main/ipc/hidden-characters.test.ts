import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IpcChannel } from '../../contract/ipc.ts';
import { nameWithHiddenCharacter } from '../../contract/testing/hidden-text.ts';
import { makeObject } from '../../core/policy/testing/policy-fixtures.ts';
import { createTestConsole, signInRequest, type TestConsole } from './testing/test-console.ts';

const operationId = () => crypto.randomUUID();

async function signedIn(): Promise<TestConsole> {
  const harness = createTestConsole({ objects: [makeObject({ name: 'alice', kind: 'user' })] });
  await harness.signIn();
  return harness;
}

/** Everything the fakes were asked, to prove a refused request reached nothing. */
const touched = (harness: TestConsole) => [...harness.connector.calls, ...harness.directories.flatMap((directory) => directory.calls)];
const refusal = (message: string) => ({
  ok: false,
  error: { code: 'INVALID_REQUEST', source: 'console', title: 'The request is not valid', message: expect.stringContaining(message) },
});

describe('the console contract against hidden characters in names', () => {
  it.each<[string, IpcChannel, unknown, string]>([
    [
      'a name to resolve',
      'directory:resolve-names',
      { names: ['alice', 'Exch\u200Bange Servers'], operationId: operationId() },
      'names[1]: Character 5 is U+200B (zero width space), which is invisible: retype the name without it.',
    ],
    [
      'a name to resolve with a byte order mark first',
      'directory:resolve-names',
      { names: ['\uFEFFalice'], operationId: operationId() },
      'names[0]: Character 1 is U+FEFF (byte order mark)',
    ],
    [
      'picker search text',
      'directory:search-start',
      { text: '😀adm\u200Fin', types: ['user'], location: { kind: 'domain' }, pageSize: 50, operationId: operationId() },
      'text: Character 5 is U+200F (right-to-left mark), which changes the reading direction: retype the search text without it.',
    ],
    ['an audit actor filter', 'audit:list', { limit: 10, actor: 'alice\u2060' }, 'actor: Character 6 is U+2060 (word joiner)'],
    [
      'a sign-in user name',
      'session:sign-in',
      signInRequest({ username: 'alice\uD800@corp.contoso.test' }),
      'username: Character 6 is U+D800 (lone high surrogate)',
    ],
  ])('refuses %s with the character and its position before anything runs', async (_label, channel, request, message) => {
    const harness = await signedIn();
    const before = touched(harness);
    expect(await harness.dispatcher.dispatch(channel, request)).toEqual(refusal(message));
    expect(touched(harness)).toEqual(before);
  });

  it('refuses a hidden character in the bind account of a sign-in, and connects nowhere', async () => {
    const harness = createTestConsole();
    const request = signInRequest({
      directory: { mode: 'server', serverUrl: 'ldaps://dc1.corp.contoso.test', transport: 'ldaps', bindUser: 'CORP\\svc\u200Cbind', bindPassword: 'x' },
    });
    expect([await harness.dispatcher.dispatch('session:sign-in', request), harness.connectOptions, harness.connector.calls]).toEqual([
      refusal('directory.bindUser: Character 9 is U+200C (zero width non-joiner)'),
      [],
      [],
    ]);
  });

  it('never lets a random name with a hidden character reach the directory', async () => {
    const harness = await signedIn();
    const before = touched(harness);
    await fc.assert(
      fc.asyncProperty(nameWithHiddenCharacter, async ({ text, position, code }) => {
        const result = await harness.dispatcher.dispatch('directory:resolve-names', { names: [text], operationId: operationId() });
        expect(result).toEqual(refusal(`Character ${String(position)} is ${code} (`));
      }),
      { numRuns: 300 },
    );
    expect(touched(harness)).toEqual(before);
  });
});
