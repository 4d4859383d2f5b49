import { isAppUrl } from './app-origin.ts';
import type { ShellInvokeEvent, ShellWebFrame } from './shell-electron.ts';

/**
 * Whether an IPC call comes from the console itself: our window's top frame, on our origin.
 *
 * Electron lets every frame of every page send IPC, so each call is checked (checklist
 * item 17). Rejected: no sender frame (it navigated away or was destroyed — Electron then
 * gives `null`), a detached frame, a sub-frame, a frame that is not its page's main frame,
 * a page other than the window we created (`trustedContentsId`; undefined before the window
 * exists, so nothing is trusted then), and any URL outside the exact app origin.
 *
 * Frames are compared by process and routing id, not by object identity: nothing in
 * Electron's API promises that two reads of a frame return the same wrapper object, and an
 * identity check that failed would refuse the console's own calls.
 */
export function isTrustedSender(event: ShellInvokeEvent, trustedContentsId: number | undefined): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.detached) return false;
  if (trustedContentsId === undefined || event.sender.id !== trustedContentsId) return false;
  if (frame.parent !== null || !isSameFrame(frame, event.sender.mainFrame)) return false;
  return isAppUrl(frame.url);
}

function isSameFrame(left: ShellWebFrame, right: ShellWebFrame): boolean {
  return left.processId === right.processId && left.routingId === right.routingId;
}
