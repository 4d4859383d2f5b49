import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../contract/ipc-result.ts';
import { ADMIN_INVOKE_CHANNEL } from './bridge-channels.ts';
import { FORBIDDEN_SENDER, registerIpc } from './register-ipc.ts';
import type { ShellInvokeEvent, ShellIpcMain, ShellWebFrame } from './shell-electron.ts';

type Listener = (event: ShellInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function setUp(dispatch: (channel: unknown, request: unknown) => Promise<IpcResult<unknown>>) {
  const handlers = new Map<string, Listener>();
  const ipcMain: ShellIpcMain = {
    handle(channel, listener) {
      handlers.set(channel, listener);
    },
  };
  const logLines: Record<string, unknown>[] = [];
  registerIpc(ipcMain, { dispatch, trustedContentsId: () => 1, log: (line) => logLines.push(line) });
  return { handlers, logLines };
}

const top: ShellWebFrame = { url: 'app://console/index.html', parent: null, detached: false, processId: 40, routingId: 1 };
const ours: ShellInvokeEvent = { sender: { id: 1, mainFrame: top }, senderFrame: top };

describe('registerIpc', () => {
  it('registers exactly one handler, on admin:invoke', () => {
    const { handlers } = setUp(() => Promise.resolve({ ok: true, value: null }));
    expect([...handlers.keys()]).toEqual([ADMIN_INVOKE_CHANNEL]);
  });

  it('hands a trusted call to the dispatcher and returns its answer', async () => {
    const calls: unknown[][] = [];
    const { handlers } = setUp((channel, request) => {
      calls.push([channel, request]);
      return Promise.resolve({ ok: true, value: { signedOut: false } });
    });
    const answer = await handlers.get(ADMIN_INVOKE_CHANNEL)?.(ours, 'session:sign-out', {});
    expect([answer, calls]).toEqual([{ ok: true, value: { signedOut: false } }, [['session:sign-out', {}]]]);
  });

  it('refuses a sub-frame without dispatching and logs it without the payload', async () => {
    let dispatched = false;
    const { handlers, logLines } = setUp(() => {
      dispatched = true;
      return Promise.resolve({ ok: true, value: null });
    });
    const child: ShellWebFrame = { url: 'app://console/evil?q=1', parent: top, detached: false, processId: 40, routingId: 2 };
    const answer = await handlers.get(ADMIN_INVOKE_CHANNEL)?.({ sender: { id: 1, mainFrame: top }, senderFrame: child }, 'session:sign-in', {
      password: 'Secret-1',
    });
    expect([answer, dispatched]).toEqual([{ ok: false, error: FORBIDDEN_SENDER }, false]);
    expect(logLines).toEqual([{ event: 'ipc-refused', reason: 'untrusted sender', channel: 'session:sign-in', senderOrigin: 'app://console' }]);
    expect(JSON.stringify(logLines)).not.toContain('Secret-1');
  });

  it('refuses a call whose frame is gone', async () => {
    const { handlers, logLines } = setUp(() => Promise.resolve({ ok: true, value: null }));
    const answer = await handlers.get(ADMIN_INVOKE_CHANNEL)?.({ sender: { id: 1, mainFrame: top }, senderFrame: null }, 'servers:list', {});
    expect([answer, logLines[0]?.['senderOrigin']]).toEqual([{ ok: false, error: FORBIDDEN_SENDER }, '(no frame)']);
  });

  it('answers an error as data if the dispatcher ever throws', async () => {
    const { handlers } = setUp(() => Promise.reject(new Error('bug')));
    const answer = await handlers.get(ADMIN_INVOKE_CHANNEL)?.(ours, 'servers:list', {});
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'INTERNAL_ERROR' }) });
  });
});
