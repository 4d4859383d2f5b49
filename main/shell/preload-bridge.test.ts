import { describe, expect, it } from 'vitest';
import { createPreloadBridge } from './preload-bridge.ts';

describe('createPreloadBridge', () => {
  it('passes a contract channel and its request to main and returns the answer as is', async () => {
    const sent: unknown[][] = [];
    const bridge = createPreloadBridge((channel, request) => {
      sent.push([channel, request]);
      return Promise.resolve({ ok: true, value: { signedOut: true } });
    });
    expect(await bridge.invoke('session:sign-out', {})).toEqual({ ok: true, value: { signedOut: true } });
    expect(sent).toEqual([['session:sign-out', {}]]);
  });

  it.each([['admin:invoke'], ['__proto__'], ['constructor'], ['servers:list '], [42]])(
    'answers UNKNOWN_CHANNEL without calling main for %s',
    async (channel) => {
      let calls = 0;
      const bridge = createPreloadBridge(() => {
        calls += 1;
        return Promise.resolve({ ok: true, value: null });
      });
      const answer = await bridge.invoke(channel as string, {});
      expect([answer.ok, (answer as { error?: { code: string } }).error?.code, calls]).toEqual([false, 'UNKNOWN_CHANNEL', 0]);
    },
  );

  it('turns a failed send into an error as data, never a rejection', async () => {
    const bridge = createPreloadBridge(() => Promise.reject(new Error('Error invoking remote method: secret detail')));
    const answer = await bridge.invoke('servers:list', {});
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'INTERNAL_ERROR', source: 'console' }) });
    expect(JSON.stringify(answer)).not.toContain('secret detail');
  });

  it('exposes one frozen method and nothing of Electron', () => {
    const bridge = createPreloadBridge(() => Promise.resolve({ ok: true, value: null }));
    expect([Object.keys(bridge), Object.isFrozen(bridge)]).toEqual([['invoke'], true]);
  });
});
