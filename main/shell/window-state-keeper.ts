import type { WindowStateFile } from './settings/window-state-file.ts';
import type { ShellWindow } from './shell-electron.ts';
import { windowStateOf } from './window-placement.ts';

/** How long the window must rest after a resize or move before its state is written. */
export const WINDOW_STATE_SAVE_DELAY_MS = 500;

/** What {@link keepWindowState} hands back: a way to wait for the last write. */
export type WindowStateKeeper = {
  /** Resolves once the last write started has ended (quitting waits for it). */
  settled(): Promise<void>;
};

/**
 * Remember `window`'s size, position and maximized state in `file` while it lives.
 *
 * Resizing and moving fire many events a second, so the write waits until the window rests
 * (debounced); closing writes at once (cancelling a pending write), and quitting waits for
 * that write through {@link WindowStateKeeper.settled}. A minimized window's normal bounds are
 * still the ones to restore, so it is saved like any other. A failed write is logged and
 * forgotten: it must never disturb the admin.
 */
export function keepWindowState(window: ShellWindow, file: WindowStateFile, log: (line: Record<string, unknown>) => void): WindowStateKeeper {
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const save = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    const state = windowStateOf(window.getNormalBounds(), window.isMaximized());
    writing = writing
      .then(() => file.save(state))
      .catch((error: unknown) => {
        log({ event: 'window-state-save-failed', error });
      });
  };
  const saveLater = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, WINDOW_STATE_SAVE_DELAY_MS);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, saveLater);
  window.on('close', save);
  return { settled: () => writing };
}
