import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender-check.ts';
import type { ShellInvokeEvent, ShellWebFrame } from './shell-electron.ts';

const OUR_ID = 7;

let nextRoutingId = 1;

/** A frame of the renderer process 40; each call is another frame (its own routing id). */
function frame(url: string, parent: ShellWebFrame | null = null, detached = false): ShellWebFrame {
  nextRoutingId += 1;
  return { url, parent, detached, processId: 40, routingId: nextRoutingId };
}

function eventFrom(senderFrame: ShellWebFrame | null, options: { id?: number; mainFrame?: ShellWebFrame } = {}): ShellInvokeEvent {
  const mainFrame = options.mainFrame ?? senderFrame ?? frame('app://console/index.html');
  return { sender: { id: options.id ?? OUR_ID, mainFrame }, senderFrame };
}

describe('isTrustedSender', () => {
  it('accepts our window top frame on the app origin', () => {
    expect(isTrustedSender(eventFrom(frame('app://console/index.html#/servers')), OUR_ID)).toBe(true);
  });

  it('rejects a call whose sender frame is gone (navigated or destroyed)', () => {
    expect(isTrustedSender(eventFrom(null), OUR_ID)).toBe(false);
  });

  it('rejects a detached frame', () => {
    expect(isTrustedSender(eventFrom(frame('app://console/index.html', null, true)), OUR_ID)).toBe(false);
  });

  it('rejects a sub-frame, even on our origin', () => {
    const top = frame('app://console/index.html');
    const child = frame('app://console/index.html', top);
    expect(isTrustedSender(eventFrom(child, { mainFrame: top }), OUR_ID)).toBe(false);
  });

  it('accepts another wrapper object for the same main frame', () => {
    const top = frame('app://console/index.html');
    expect(isTrustedSender(eventFrom({ ...top }, { mainFrame: top }), OUR_ID)).toBe(true);
  });

  it('rejects a frame with the main frame routing id in another process', () => {
    const top = frame('app://console/index.html');
    expect(isTrustedSender(eventFrom({ ...top, processId: 41 }, { mainFrame: top }), OUR_ID)).toBe(false);
  });

  it('rejects a top-level frame that is not the page main frame', () => {
    const other = frame('app://console/index.html');
    expect(isTrustedSender(eventFrom(other, { mainFrame: frame('app://console/index.html') }), OUR_ID)).toBe(false);
  });

  it('rejects another page (webContents) than our window', () => {
    expect(isTrustedSender(eventFrom(frame('app://console/index.html'), { id: OUR_ID + 1 }), OUR_ID)).toBe(false);
  });

  it('rejects everything before our window exists', () => {
    expect(isTrustedSender(eventFrom(frame('app://console/index.html')), undefined)).toBe(false);
  });

  it.each([
    ['a look-alike origin', 'app://console.evil/index.html'],
    ['user info hiding another host', 'app://console@evil/index.html'],
    ['a port', 'app://console:1/index.html'],
    ['a page it navigated to', 'https://evil.example/'],
    ['a file page', 'file:///C:/Users/admin/Downloads/x.html'],
    ['about:blank', 'about:blank'],
    ['an empty URL', ''],
  ])('rejects %s', (_label, url) => {
    expect(isTrustedSender(eventFrom(frame(url)), OUR_ID)).toBe(false);
  });
});
