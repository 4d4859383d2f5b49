import { ADMIN_EVENT_CHANNEL } from './bridge-channels.ts';
import { isAppUrl } from './app-origin.ts';
import type { ShellWindow } from './shell-electron.ts';

/** What {@link createConsoleEventSender} needs: our window as it is now, and the id trusted for IPC. */
export type ConsoleEventTarget = {
  readonly window: () => ShellWindow | undefined;
  readonly trustedContentsId: () => number | undefined;
  readonly log: (line: Record<string, unknown>) => void;
};

/**
 * Push console events to our window's top frame, and nowhere else.
 *
 * The mirror of the invoke sender check (`sender-check.ts`): an event goes out only while the
 * window exists, is the one we created, and its top frame is attached and on the app origin.
 * `WebFrameMain.send` reaches that frame alone (never a sub-frame, never another page), so a
 * foreign document the window somehow showed would hear nothing. An event with no window to
 * take it is dropped: the renderer asks `changes:get-status` when it (re)loads.
 */
export function createConsoleEventSender(target: ConsoleEventTarget): (event: unknown) => void {
  return (event) => {
    const window = target.window();
    if (window === undefined || window.isDestroyed()) return;
    const contents = window.webContents;
    const frame = contents.mainFrame;
    if (contents.id !== target.trustedContentsId() || frame.detached || frame.parent !== null || !isAppUrl(frame.url)) {
      target.log({ event: 'console-event-withheld', reason: 'not the console page' });
      return;
    }
    try {
      frame.send(ADMIN_EVENT_CHANNEL, event);
    } catch (error) {
      // A frame torn down between the check and the send: nothing is waiting for the event.
      target.log({ event: 'console-event-failed', error: error instanceof Error ? error.message : String(error) });
    }
  };
}
