import type { IpcError, IpcResult } from '../../contract/ipc-result.ts';
import { channelForLog } from '../ipc/call-log.ts';
import { ADMIN_INVOKE_CHANNEL } from './bridge-channels.ts';
import { isTrustedSender } from './sender-check.ts';
import type { ShellIpcMain } from './shell-electron.ts';

/** What an untrusted sender gets back: a refusal, with nothing about why beyond the code. */
export const FORBIDDEN_SENDER: IpcError = {
  code: 'FORBIDDEN_SENDER',
  source: 'console',
  title: 'Request refused',
  message: 'The console accepts requests only from its own window. Restart the console if you see this in it.',
};

const UNANSWERED: IpcError = {
  code: 'INTERNAL_ERROR',
  source: 'console',
  title: 'Something went wrong in the console',
  message: 'The console could not answer this request. Try again; if it happens again, report it with the console log.',
};

/** What {@link registerIpc} wires together. */
export type IpcRegistration = {
  /** The main/ipc dispatcher's entry: parses by the contract and always answers. */
  readonly dispatch: (channel: unknown, request: unknown) => Promise<IpcResult<unknown>>;
  /** The id of our window's webContents, or undefined while there is none. */
  readonly trustedContentsId: () => number | undefined;
  readonly log: (line: Record<string, unknown>) => void;
};

/**
 * Register the shell's only IPC handler: `admin:invoke(channel, request)`.
 *
 * One Electron channel rather than one per console channel: the sender check then sits in
 * exactly one place and cannot be forgotten for a new channel, and the channel name is
 * validated twice anyway (the preload's allowlist, then the dispatcher against the
 * contract). An untrusted sender gets `FORBIDDEN_SENDER` and a log line (channel name and
 * sender origin only, never the payload); everything else goes to the dispatcher.
 */
export function registerIpc(ipcMain: ShellIpcMain, registration: IpcRegistration): void {
  ipcMain.handle(ADMIN_INVOKE_CHANNEL, async (event, channel, request): Promise<IpcResult<unknown>> => {
    if (!isTrustedSender(event, registration.trustedContentsId())) {
      registration.log({
        event: 'ipc-refused',
        reason: 'untrusted sender',
        channel: channelForLog(channel),
        senderOrigin: originForLog(event.senderFrame?.url),
      });
      return { ok: false, error: FORBIDDEN_SENDER };
    }
    try {
      return await registration.dispatch(channel, request);
    } catch {
      // The dispatcher answers every failure itself; this only keeps a bug from becoming a rejection.
      return { ok: false, error: UNANSWERED };
    }
  });
}

/** Scheme and host of a sender URL, for the log: no path or query, which could carry data. */
function originForLog(url: string | undefined): string {
  if (url === undefined) return '(no frame)';
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '(not a URL)';
  }
}
