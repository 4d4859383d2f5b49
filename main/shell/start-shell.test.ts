import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './app-origin.ts';
import { ADMIN_INVOKE_CHANNEL } from './bridge-channels.ts';
import { FORBIDDEN_SENDER } from './register-ipc.ts';
import type { ShellInvokeEvent } from './shell-electron.ts';
import { startShell, WINDOW_STATE_FILE } from './start-shell.ts';
import { createFakeElectron, fakeEvent, fakeMainFrame, FakeWebContents, type FakeElectron } from './testing/fake-electron.ts';

let base: string;
let electron: FakeElectron;

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'start-shell-'));
  await mkdir(path.join(base, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(base, 'dist', 'renderer', 'index.html'), '<!doctype html><title>console</title>');
  await mkdir(path.join(base, 'user-data'), { recursive: true });
  electron = createFakeElectron({ userData: path.join(base, 'user-data') });
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function started(fake: FakeElectron = electron): Promise<void> {
  const running = startShell(fake, {
    distFolder: path.join(base, 'dist'),
    platform: 'win32',
    versions: { electron: '45.4.1', chrome: '146.0', node: '24.14.0' },
  });
  fake.ready();
  await running;
}

function mainWindow() {
  const window = electron.record.windows[0];
  if (window === undefined) throw new Error('no window was created');
  return window;
}

function invokeFromWindow(channel: string, request: unknown): Promise<unknown> {
  const contents = mainWindow().webContents;
  const event: ShellInvokeEvent = { sender: contents, senderFrame: contents.mainFrame };
  const handler = electron.record.ipcHandlers.get(ADMIN_INVOKE_CHANNEL);
  if (handler === undefined) throw new Error('no IPC handler');
  return handler(event, channel, request);
}

describe('startShell', () => {
  it('registers the privileged app scheme and the sandbox before the app is ready', async () => {
    await started();
    expect(electron.record.calls.slice(0, 4)).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock', 'ready']);
    expect(electron.record.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
  });

  it('opens one hardened window on the app origin', async () => {
    await started();
    expect(electron.record.windows).toHaveLength(1);
    expect(mainWindow().options).toEqual({
      title: 'RMS Connector Admin',
      width: 1280,
      height: 820,
      minWidth: 960,
      minHeight: 600,
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: {
        preload: path.join(base, 'dist', 'preload', 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
        navigateOnDragDrop: false,
        spellcheck: false,
        safeDialogs: true,
        devTools: false,
      },
    });
    expect(mainWindow().loaded).toEqual([APP_ENTRY_URL]);
  });

  it('offers developer tools and Reload only when running from source', async () => {
    const development = createFakeElectron({ userData: path.join(base, 'user-data'), isPackaged: false });
    await started(development);
    const view = development.record.menus[0]?.[1];
    const roles = Array.isArray(view?.submenu) ? view.submenu.map((item) => item.role) : [];
    expect([development.record.windows[0]?.options.webPreferences?.devTools, roles.includes('toggleDevTools'), roles.includes('reload')]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('shows the window only when it is ready to show', async () => {
    await started();
    expect(mainWindow().shown).toBe(0);
    mainWindow().emit('ready-to-show');
    expect(mainWindow().shown).toBe(1);
  });

  it('opens the window where it was closed last time, maximized again', async () => {
    await started();
    const first = mainWindow();
    first.normalBounds = { x: 200, y: 80, width: 1500, height: 950 };
    first.maximize();
    first.emit('close');
    await expect.poll(() => readFile(path.join(base, 'user-data', WINDOW_STATE_FILE), 'utf8').catch(() => '')).toContain('"maximized":true');
    const next = createFakeElectron({ userData: path.join(base, 'user-data') });
    await started(next);
    const reopened = next.record.windows[0];
    const { x, y, width, height } = reopened?.options ?? {};
    expect([x, y, width, height, reopened?.maximized]).toEqual([200, 80, 1500, 950, false]);
    reopened?.emit('ready-to-show');
    expect([reopened?.maximized, reopened?.shown]).toEqual([true, 1]);
  });

  it('moves a window remembered on a display that is gone onto the primary display', async () => {
    await writeFile(
      path.join(base, 'user-data', WINDOW_STATE_FILE),
      JSON.stringify({ version: 1, bounds: { x: 2400, y: 100, width: 1280, height: 820 }, maximized: false }),
    );
    await started();
    expect([mainWindow().options.x, mainWindow().options.y]).toEqual([320, 110]);
  });

  it('serves the renderer from the app protocol with the CSP header', async () => {
    await started();
    const response = await electron.record.protocolHandlers.get('app')?.(new Request('app://console/index.html'));
    expect([response?.status, response?.headers.get('content-security-policy')?.startsWith("default-src 'none'")]).toEqual([200, true]);
  });

  it('denies every permission request and check but clipboard writing from the console', async () => {
    await started();
    const answers: boolean[] = [];
    const request = (permission: string, requestingUrl: string) => {
      for (const handler of electron.record.permissionRequest) handler({}, permission, (granted) => answers.push(granted), { requestingUrl });
    };
    request('media', 'app://console/index.html');
    request('clipboard-read', 'app://console/index.html');
    request('clipboard-sanitized-write', 'app://console.evil/index.html');
    request('clipboard-sanitized-write', 'app://console/index.html');
    for (const handler of electron.record.permissionCheck)
      answers.push(handler({}, 'clipboard-read', 'app://console'), handler({}, 'clipboard-sanitized-write', 'app://console'));
    for (const handler of electron.record.devicePermission) answers.push(handler({ deviceType: 'hid' }));
    expect(answers).toEqual([false, false, false, true, false, true, false]);
  });

  it('guards every webContents: foreign navigation, redirects, webviews and new windows', async () => {
    await started();
    const contents = new FakeWebContents();
    electron.appEvents.emit('web-contents-created', {}, contents);
    const outside = fakeEvent({ url: 'app://console.evil/index.html' });
    const inside = fakeEvent({ url: 'app://console/index.html' });
    const redirect = fakeEvent({ url: 'https://evil.example/' });
    const webview = fakeEvent();
    contents.emit('will-navigate', outside);
    contents.emit('will-navigate', inside);
    contents.emit('will-redirect', redirect);
    contents.emit('will-attach-webview', webview);
    expect([outside.prevented, inside.prevented, redirect.prevented, webview.prevented]).toEqual([true, false, true, true]);
  });

  it('denies new windows and sends only allowlisted documentation to the browser', async () => {
    await started();
    const handler = mainWindow().webContents.windowOpenHandler;
    const docs = 'https://learn.microsoft.com/en-us/azure/information-protection/install-configure-rms-connector';
    expect([handler?.({ url: docs }), handler?.({ url: 'https://evil.example/' }), handler?.({ url: 'ms-settings:privacy' })]).toEqual([
      { action: 'deny' },
      { action: 'deny' },
      { action: 'deny' },
    ]);
    expect(electron.record.openedExternal).toEqual([docs]);
  });

  it('answers the console window through the real dispatcher', async () => {
    await started();
    const answer = (await invokeFromWindow('console:get-defaults', {})) as { ok: boolean };
    expect(answer.ok).toBe(true);
  });

  it('refuses IPC from any other page', async () => {
    await started();
    const stranger = new FakeWebContents();
    stranger.mainFrame = fakeMainFrame(APP_ENTRY_URL, stranger.sent, { processId: 9, routingId: 1 });
    const answer = await electron.record.ipcHandlers.get(ADMIN_INVOKE_CHANNEL)?.(
      { sender: stranger, senderFrame: stranger.mainFrame },
      'console:get-defaults',
      {},
    );
    expect(answer).toEqual({ ok: false, error: FORBIDDEN_SENDER });
  });

  it('opens the logs folder for app:open-logs', async () => {
    await started();
    await invokeFromWindow('app:open-logs', {});
    expect(electron.record.openedPaths).toEqual([path.join(base, 'user-data', 'logs')]);
  });

  it('builds the menu without developer items when packaged', async () => {
    await started();
    const view = electron.record.menus[0]?.[1];
    const roles = Array.isArray(view?.submenu) ? view.submenu.map((item) => item.role) : [];
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
  });

  it('shows About with the versions', async () => {
    await started();
    const help = electron.record.menus[0]?.[2];
    const about = Array.isArray(help?.submenu) ? help.submenu.at(-1) : undefined;
    (about?.click as (() => void) | undefined)?.();
    expect(electron.record.messageBoxes[0]?.detail?.split('\n').slice(0, 2)).toEqual(['Version 0.1.0', 'Electron 45.4.1']);
  });

  it('quits when the last window closes (Windows and Linux)', async () => {
    await started();
    electron.appEvents.emit('window-all-closed');
    expect(electron.record.calls).toContain('quit');
  });

  it('closes the console before quitting, then quits', async () => {
    await started();
    const quitting = fakeEvent();
    electron.appEvents.emit('will-quit', quitting);
    expect(quitting.prevented).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(electron.record.calls.at(-1)).toBe('quit');
    const again = fakeEvent();
    electron.appEvents.emit('will-quit', again);
    expect(again.prevented).toBe(false);
  });

  it('focuses the first window when the app is started again', async () => {
    await started();
    mainWindow().minimized = true;
    electron.appEvents.emit('second-instance');
    expect([mainWindow().minimized, mainWindow().focused]).toEqual([false, 1]);
  });

  it('a second instance quits at once without opening anything', async () => {
    const second = createFakeElectron({ userData: path.join(base, 'user-data'), singleInstance: false });
    await startShell(second, { distFolder: path.join(base, 'dist'), platform: 'win32', versions: {} });
    expect([second.record.calls, second.record.windows.length]).toEqual([
      ['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock', 'quit'],
      0,
    ]);
  });
});
