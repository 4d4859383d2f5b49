import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WindowState } from './window-placement.ts';
import { FakeWindow } from './testing/fake-electron.ts';
import { keepWindowState, WINDOW_STATE_SAVE_DELAY_MS } from './window-state-keeper.ts';

function keptWindow(save: (state: WindowState) => Promise<void> = () => Promise.resolve()) {
  const window = new FakeWindow({ x: 10, y: 20, width: 1280, height: 820 });
  const saved: WindowState[] = [];
  const logged: Record<string, unknown>[] = [];
  const keeper = keepWindowState(
    window,
    {
      load: () => undefined,
      save: (state) => {
        saved.push(state);
        return save(state);
      },
    },
    (line) => logged.push(line),
  );
  return { window, saved, logged, keeper };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('keepWindowState', () => {
  it('writes once the window rests after a burst of moves and resizes', async () => {
    const { window, saved } = keptWindow();
    for (let step = 0; step < 20; step += 1) {
      window.normalBounds = { x: 10 + step, y: 20, width: 1300, height: 820 };
      window.emit(step % 2 === 0 ? 'move' : 'resize');
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(WINDOW_STATE_SAVE_DELAY_MS);
    expect(saved).toEqual([{ version: 1, bounds: { x: 29, y: 20, width: 1300, height: 820 }, maximized: false }]);
  });

  it('writes at once on close, with the maximized flag, and drops the pending write', async () => {
    const { window, saved } = keptWindow();
    window.emit('resize');
    window.maximize();
    window.emit('close');
    await vi.advanceTimersByTimeAsync(WINDOW_STATE_SAVE_DELAY_MS * 2);
    expect(saved).toEqual([{ version: 1, bounds: { x: 10, y: 20, width: 1280, height: 820 }, maximized: true }]);
  });

  it('lets quitting wait for the write on close', async () => {
    let finish: () => void = () => undefined;
    const { window, keeper } = keptWindow(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    window.emit('close');
    let settled = false;
    void keeper.settled().then(() => {
      settled = true;
    });
    await vi.runAllTimersAsync();
    const before = settled;
    finish();
    await vi.runAllTimersAsync();
    expect([before, settled]).toEqual([false, true]);
  });

  it('logs a failed write and carries on', async () => {
    const { window, logged } = keptWindow(() => Promise.reject(new Error('disk full')));
    window.emit('close');
    await vi.runAllTimersAsync();
    expect(logged).toEqual([{ event: 'window-state-save-failed', error: new Error('disk full') }]);
  });

  it('writes nothing for a window already destroyed', async () => {
    const { window, saved } = keptWindow();
    window.emit('move');
    window.destroyed = true;
    await vi.advanceTimersByTimeAsync(WINDOW_STATE_SAVE_DELAY_MS);
    expect(saved).toEqual([]);
  });
});
