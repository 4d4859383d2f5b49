import { describe, expect, it } from 'vitest';
import { createPreloadBridge, type ListenToMain } from './preload-bridge.ts';

/** A stand-in for `ipcRenderer.on` on the event channel: push to deliver, count the listeners. */
function fakeEventChannel() {
  const delivers = new Set<(payload: unknown) => void>();
  const listen: ListenToMain = (deliver) => {
    delivers.add(deliver);
    return () => {
      delivers.delete(deliver);
    };
  };
  return {
    listen,
    push(payload: unknown) {
      for (const deliver of delivers) deliver(payload);
    },
    listening: () => delivers.size,
  };
}

const noEvents: ListenToMain = () => () => undefined;

describe('createPreloadBridge', () => {
  it('passes a contract channel and its request to main and returns the answer as is', async () => {
    const sent: unknown[][] = [];
    const bridge = createPreloadBridge((channel, request) => {
      sent.push([channel, request]);
      return Promise.resolve({ ok: true, value: { signedOut: true } });
    }, noEvents);
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
      }, noEvents);
      const answer = await bridge.invoke(channel as string, {});
      expect([answer.ok, (answer as { error?: { code: string } }).error?.code, calls]).toEqual([false, 'UNKNOWN_CHANNEL', 0]);
    },
  );

  it('turns a failed send into an error as data, never a rejection', async () => {
    const bridge = createPreloadBridge(() => Promise.reject(new Error('Error invoking remote method: secret detail')), noEvents);
    const answer = await bridge.invoke('servers:list', {});
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'INTERNAL_ERROR', source: 'console' }) });
    expect(JSON.stringify(answer)).not.toContain('secret detail');
  });

  it('exposes two frozen methods and nothing of Electron', () => {
    const bridge = createPreloadBridge(() => Promise.resolve({ ok: true, value: null }), noEvents);
    expect([Object.keys(bridge).sort(), Object.isFrozen(bridge)]).toEqual([['invoke', 'subscribe'], true]);
  });
});

describe('createPreloadBridge subscribe', () => {
  it('hands each subscriber the payload main pushed, and nothing else', () => {
    const channel = fakeEventChannel();
    const bridge = createPreloadBridge(() => Promise.resolve({ ok: true, value: null }), channel.listen);
    const first: unknown[][] = [];
    const second: unknown[][] = [];
    bridge.subscribe((...args: unknown[]) => first.push(args));
    bridge.subscribe((...args: unknown[]) => second.push(args));
    channel.push({ kind: 'reload', listVersion: 3 });
    expect({ first, second, listening: channel.listening() }).toEqual({
      first: [[{ kind: 'reload', listVersion: 3 }]],
      second: [[{ kind: 'reload', listVersion: 3 }]],
      listening: 1,
    });
  });

  it('stops listening to main once the last subscriber unsubscribes', () => {
    const channel = fakeEventChannel();
    const bridge = createPreloadBridge(() => Promise.resolve({ ok: true, value: null }), channel.listen);
    const heard: unknown[] = [];
    const unsubscribeFirst = bridge.subscribe((event) => heard.push(['first', event]));
    const unsubscribeSecond = bridge.subscribe((event) => heard.push(['second', event]));
    unsubscribeFirst();
    channel.push(1);
    unsubscribeSecond();
    unsubscribeSecond();
    channel.push(2);
    expect({ heard, listening: channel.listening() }).toEqual({ heard: [['second', 1]], listening: 0 });
  });

  it('keeps delivering to the others when one subscriber throws', () => {
    const channel = fakeEventChannel();
    const bridge = createPreloadBridge(() => Promise.resolve({ ok: true, value: null }), channel.listen);
    const heard: unknown[] = [];
    bridge.subscribe(() => {
      throw new Error('page bug');
    });
    bridge.subscribe((event) => heard.push(event));
    channel.push('change');
    expect(heard).toEqual(['change']);
  });

  it('ignores a subscriber that is not a function, without listening to main', () => {
    const channel = fakeEventChannel();
    const bridge = createPreloadBridge(() => Promise.resolve({ ok: true, value: null }), channel.listen);
    const unsubscribe = bridge.subscribe('not a function' as unknown as () => void);
    unsubscribe();
    expect(channel.listening()).toBe(0);
  });
});
