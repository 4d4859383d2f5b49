import { describe, expect, it } from 'vitest';
import type { ConsoleEvent } from '../../contract/console-events.ts';
import { createTestConsole } from './testing/test-console.ts';

function follow(harness: ReturnType<typeof createTestConsole>, index = -1) {
  const taken = harness.connector.follows.at(index);
  if (taken === undefined) throw new Error('the dispatcher follows nothing');
  return taken;
}

describe('live changes through the dispatcher', () => {
  it('follows the feed through the session client once signed in, and pushes what it hears to subscribers', async () => {
    const harness = createTestConsole();
    const heard: ConsoleEvent[] = [];
    harness.dispatcher.subscribe((event) => heard.push(event));
    expect(await harness.dispatcher.dispatch('changes:get-status', {})).toEqual({ ok: true, value: null });
    await harness.signIn();
    follow(harness).request.onState({ status: 'live', node: 'RMSCON01' });
    expect(heard).toEqual([
      { kind: 'feed-state', state: { status: 'connecting' } },
      { kind: 'feed-state', state: { status: 'live', node: 'RMSCON01' } },
    ]);
    expect(await harness.dispatcher.dispatch('changes:get-status', {})).toEqual({ ok: true, value: { status: 'live', node: 'RMSCON01' } });
  });

  it('stops following on sign-out and starts again on the next sign-in', async () => {
    const harness = createTestConsole();
    await harness.signIn();
    const first = follow(harness);
    await harness.dispatcher.dispatch('session:sign-out', {});
    const afterSignOut = await harness.dispatcher.dispatch('changes:get-status', {});
    await harness.signIn();
    expect([first.request.signal.aborted, afterSignOut, harness.connector.follows.length, follow(harness).request.signal.aborted]).toEqual([
      true,
      { ok: true, value: null },
      2,
      false,
    ]);
  });

  it('follows only the new session when a sign-in replaces the current one', async () => {
    const harness = createTestConsole();
    await harness.signIn();
    await harness.signIn();
    expect(harness.connector.follows.map((taken) => taken.request.signal.aborted)).toEqual([true, false]);
  });

  it('withholds an event that does not match the contract, and logs it', async () => {
    const harness = createTestConsole();
    const heard: ConsoleEvent[] = [];
    harness.dispatcher.subscribe((event) => heard.push(event));
    await harness.signIn();
    follow(harness).request.onState({ status: 'reconnecting', reason: 'x'.repeat(5000) });
    expect([heard.length, harness.lines.at(-1)?.['event']]).toEqual([1, 'console-event-withheld']);
  });

  it('stops following when the console closes', async () => {
    const harness = createTestConsole();
    await harness.signIn();
    await harness.dispatcher.close();
    expect(follow(harness).request.signal.aborted).toBe(true);
  });
});
