import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './app-origin.ts';
import { ADMIN_EVENT_CHANNEL } from './bridge-channels.ts';
import { createConsoleEventSender } from './console-event-sender.ts';
import type { ShellMainFrame } from './shell-electron.ts';
import { FakeWindow, fakeMainFrame } from './testing/fake-electron.ts';

const EVENT = { kind: 'feed-state', state: { status: 'live' } };

function windowAt(url: string): FakeWindow {
  const window = new FakeWindow({});
  window.webContents.mainFrame = fakeMainFrame(url, window.webContents.sent);
  return window;
}

function send(window: FakeWindow | undefined, trustedContentsId: number | undefined): string[] {
  const lines: string[] = [];
  createConsoleEventSender({ window: () => window, trustedContentsId: () => trustedContentsId, log: (line) => lines.push(String(line['event'])) })(EVENT);
  return lines;
}

describe('createConsoleEventSender', () => {
  it("sends the event on the event channel to our window's top frame on the app origin", () => {
    const window = windowAt(APP_ENTRY_URL);
    const lines = send(window, window.webContents.id);
    expect({ sent: window.webContents.sent, lines }).toEqual({ sent: [{ channel: ADMIN_EVENT_CHANNEL, args: [EVENT] }], lines: [] });
  });

  it.each([
    ['a page on another origin', 'https://evil.example/', (window: FakeWindow) => window.webContents.id],
    ['a look-alike host', 'app://console.evil/index.html', (window: FakeWindow) => window.webContents.id],
    ['a window the shell does not trust', APP_ENTRY_URL, (window: FakeWindow) => window.webContents.id + 1000],
    ['a window before it is trusted', APP_ENTRY_URL, () => undefined],
  ])('withholds the event from %s and logs it', (_label, url, trusted) => {
    const window = windowAt(url);
    const lines = send(window, trusted(window));
    expect({ sent: window.webContents.sent, lines }).toEqual({ sent: [], lines: ['console-event-withheld'] });
  });

  it('withholds the event from a detached top frame', () => {
    const window = windowAt(APP_ENTRY_URL);
    const frame: ShellMainFrame = { ...window.webContents.mainFrame, detached: true };
    window.webContents.mainFrame = frame;
    const lines = send(window, window.webContents.id);
    expect({ sent: window.webContents.sent, lines }).toEqual({ sent: [], lines: ['console-event-withheld'] });
  });

  it('drops the event quietly when there is no window or it is destroyed', () => {
    const destroyed = windowAt(APP_ENTRY_URL);
    destroyed.destroyed = true;
    expect([send(undefined, 1), send(destroyed, destroyed.webContents.id), destroyed.webContents.sent]).toEqual([[], [], []]);
  });

  it('logs a send that fails because the frame went away meanwhile, without throwing', () => {
    const window = windowAt(APP_ENTRY_URL);
    window.webContents.mainFrame = {
      ...window.webContents.mainFrame,
      send() {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(send(window, window.webContents.id)).toEqual(['console-event-failed']);
  });
});
