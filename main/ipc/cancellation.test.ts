import { describe, expect, it } from 'vitest';
import { makeObject } from '../../core/policy/testing/policy-fixtures.ts';
import { createFakeDirectory } from './testing/fake-directory.ts';
import { createTestConsole, signInRequest } from './testing/test-console.ts';

const CANCELLED = { ok: false, error: { code: 'CANCELLED', source: 'console', title: 'Cancelled', message: 'Cancelled. Nothing was changed.' } };
const group = makeObject({ name: 'Exchange Servers', kind: 'group', group: { scope: 'universal', security: true } });
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function gated(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('operation:cancel', () => {
  it('cancels a sign-in waiting for the directory, and closes the connection that arrives late', async () => {
    const connecting = gated();
    const late = createFakeDirectory([]);
    const harness = createTestConsole({
      connect: async () => {
        await connecting.promise;
        return late;
      },
    });
    const request = signInRequest();
    const signingIn = harness.dispatcher.dispatch('session:sign-in', request);
    await tick();
    expect(await harness.dispatcher.dispatch('operation:cancel', { operationId: request.operationId })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await signingIn).toEqual(CANCELLED);
    connecting.open();
    await tick();
    expect([late.closed, harness.connector.closedClients]).toEqual([true, 1]);
    expect(await harness.dispatcher.dispatch('session:current', {})).toEqual({ ok: true, value: null });
  });

  it('cancels a running search and drops it', async () => {
    const harness = createTestConsole({ objects: [group] });
    await harness.signIn();
    const directory = harness.directories[0];
    const gate = gated();
    if (directory) directory.gate = gate.promise;
    const operationId = crypto.randomUUID();
    const searching = harness.dispatcher.dispatch('directory:search-start', {
      text: '',
      types: ['group'],
      location: { kind: 'domain' },
      pageSize: 50,
      operationId,
    });
    await tick();
    await harness.dispatcher.dispatch('operation:cancel', { operationId });
    expect(await searching).toEqual(CANCELLED);
    gate.open();
  });

  it('cancels a running review, stopping its directory work', async () => {
    const harness = createTestConsole({ objects: [group] });
    await harness.signIn();
    await harness.dispatcher.dispatch('servers:add', {
      role: 'exchange',
      sid: group.sid,
      acknowledged: ['SUPER_USER_GRANT', 'EMPTY_GROUP'],
      versionTag: '"0"',
      operationId: crypto.randomUUID(),
    });
    const directory = harness.directories[0];
    const gate = gated();
    if (directory) directory.gate = gate.promise;
    const operationId = crypto.randomUUID();
    const reviewing = harness.dispatcher.dispatch('review:list', { operationId });
    await tick();
    await harness.dispatcher.dispatch('operation:cancel', { operationId });
    expect(await reviewing).toEqual(CANCELLED);
    const callsAtCancel = directory?.calls.length;
    gate.open();
    await tick();
    expect(directory?.calls.length).toBe(callsAtCancel);
  });

  it('refuses a second call with an operation id still in flight', async () => {
    const harness = createTestConsole({ objects: [group] });
    await harness.signIn();
    const gate = gated();
    const directory = harness.directories[0];
    if (directory) directory.gate = gate.promise;
    const operationId = crypto.randomUUID();
    const first = harness.dispatcher.dispatch('directory:browse', { operationId });
    expect(await harness.dispatcher.dispatch('directory:browse', { operationId })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INVALID_REQUEST', message: expect.stringContaining('already running') }),
    });
    gate.open();
    expect((await first).ok).toBe(true);
  });

  it('answers false for an operation that is not running', async () => {
    const harness = createTestConsole();
    expect(await harness.dispatcher.dispatch('operation:cancel', { operationId: crypto.randomUUID() })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('cancels what runs when the admin signs out', async () => {
    const harness = createTestConsole({ objects: [group] });
    await harness.signIn();
    const gate = gated();
    const directory = harness.directories[0];
    if (directory) directory.gate = gate.promise;
    const browsing = harness.dispatcher.dispatch('directory:browse', { operationId: crypto.randomUUID() });
    await tick();
    await harness.dispatcher.dispatch('session:sign-out', {});
    expect(await browsing).toEqual(CANCELLED);
    gate.open();
  });
});
