import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../contract/ipc.ts';
import { FAKE_PASSWORD, FAKE_TOKEN } from './testing/fake-connector.ts';
import { createTestConsole, TEST_DEFAULTS } from './testing/test-console.ts';
import { PUBLIC_CHANNELS, validRequests } from './testing/valid-requests.ts';

describe('createIpcDispatcher', () => {
  it.each([
    ['a channel the contract does not list', 'servers:drop-all'],
    ['a prototype property name', '__proto__'],
    ['toString', 'toString'],
    ['a non-string channel', 42],
    ['an object as the channel', { channel: 'servers:list' }],
    ['a huge channel name', 'x'.repeat(1_000_000)],
  ])('answers UNKNOWN_CHANNEL for %s', async (_label, channel) => {
    const harness = createTestConsole();
    expect(await harness.dispatcher.dispatch(channel, {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', source: 'console', title: 'Unknown request', message: expect.any(String) },
    });
    expect(String(harness.lines.at(-1)?.channel).length).toBeLessThan(200);
  });

  it('answers the defaults without a session', async () => {
    const harness = createTestConsole();
    expect(await harness.dispatcher.dispatch('console:get-defaults', {})).toEqual({
      ok: true,
      value: {
        ...TEST_DEFAULTS,
        directory: { ...TEST_DEFAULTS.directory, caFile: null },
        configured: true,
        rememberedPassword: false,
        passwordVault: { available: false, reason: expect.any(String) },
        demo: { available: false },
        desktop: { openLogs: false },
      },
    });
  });

  it.each(IPC_CHANNELS.filter((channel) => !PUBLIC_CHANNELS.includes(channel)))(
    'answers NOT_SIGNED_IN for %s without a session, touching nothing',
    async (channel) => {
      const harness = createTestConsole();
      const result = await harness.dispatcher.dispatch(channel, validRequests()[channel]);
      expect(result).toEqual({ ok: false, error: { code: 'NOT_SIGNED_IN', source: 'console', title: 'Not signed in', message: expect.any(String) } });
      expect([harness.connector.calls, harness.connectOptions]).toEqual([[], []]);
    },
  );

  // demo:start, app:open-logs and ca-file:choose need a port this console has not got (settings-handlers.test.ts, ca-file-handlers.test.ts).
  it.each(PUBLIC_CHANNELS.filter((channel) => !['session:sign-in', 'demo:start', 'app:open-logs', 'ca-file:choose'].includes(channel)))(
    'answers %s without a session',
    async (channel) => {
      const harness = createTestConsole();
      expect((await harness.dispatcher.dispatch(channel, validRequests()[channel])).ok).toBe(true);
    },
  );

  it('checks every answer against the contract and withholds one that does not match', async () => {
    const harness = createTestConsole();
    await harness.signIn();
    harness.connector.overrides.listAuthorizedAccounts = () => Promise.resolve({ list: { version: 1, entries: [{ id: 'not-a-uuid' } as never] }, etag: '"1"' });
    const result = await harness.dispatcher.dispatch('servers:list', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL_ERROR', source: 'console', title: 'Something went wrong in the console', message: expect.any(String) },
    });
    expect(harness.lines).toContainEqual({
      event: 'ipc-response-invalid',
      channel: 'servers:list',
      issues: expect.arrayContaining([{ path: 'entries.0.id', code: 'invalid_format' }]),
    });
    expect(JSON.stringify(harness.lines)).not.toContain('not-a-uuid');
  });

  it('maps an unexpected failure to INTERNAL_ERROR, logging its name and message without the request secrets', async () => {
    const harness = createTestConsole({ connect: () => Promise.reject(new TypeError(`socket said ${FAKE_PASSWORD}`)) });
    const result = await harness.signIn();
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'INTERNAL_ERROR', source: 'console' }) });
    expect(harness.lines).toContainEqual({ event: 'ipc-unexpected-error', channel: 'session:sign-in', error: 'TypeError', message: 'socket said [redacted]' });
    expect(JSON.stringify(result)).not.toContain(FAKE_PASSWORD);
  });

  it('logs each call with its channel, duration and outcome, and never a payload or secret', async () => {
    const harness = createTestConsole();
    await harness.signIn();
    await harness.dispatcher.dispatch('servers:list', {});
    await harness.dispatcher.dispatch('servers:remove', { id: crypto.randomUUID(), versionTag: '"7"' });
    expect(harness.lines).toEqual([
      { event: 'ipc-call', channel: 'session:sign-in', durationMs: expect.any(Number), ok: true },
      { event: 'ipc-call', channel: 'servers:list', durationMs: expect.any(Number), ok: true },
      { event: 'ipc-call', channel: 'servers:remove', durationMs: expect.any(Number), ok: false, code: 'LIST_CHANGED', source: 'console' },
    ]);
    expect(JSON.stringify(harness.lines)).not.toMatch(new RegExp(`${FAKE_PASSWORD}|${FAKE_TOKEN}|alice`));
  });

  it('refuses every call once closed, and closes the session', async () => {
    const harness = createTestConsole();
    await harness.signIn();
    await harness.dispatcher.close();
    expect([harness.directories[0]?.closed, harness.connector.closedClients]).toEqual([true, 1]);
    expect(await harness.dispatcher.dispatch('console:get-defaults', {})).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INTERNAL_ERROR', title: 'The console is closing' }),
    });
  });
});
