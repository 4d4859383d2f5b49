import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { aboutDetail, buildMenuTemplate } from './app-menu.ts';

const noop = () => undefined;

function shape(items: readonly MenuItemConstructorOptions[]): unknown[] {
  return items.map((item) => {
    if (item.type === 'separator') return '---';
    const name = item.label ?? item.role;
    return Array.isArray(item.submenu)
      ? { [String(name)]: shape(item.submenu) }
      : `${String(name)}${item.accelerator === undefined ? '' : ` (${item.accelerator})`}`;
  });
}

describe('buildMenuTemplate', () => {
  it('offers File, View and Help without developer items in a packaged app', () => {
    expect(shape(buildMenuTemplate({ isDevelopment: false, actions: { showAbout: noop, openLogsFolder: noop, openDocumentation: noop } }))).toEqual([
      { '&File': ['E&xit'] },
      { '&View': ['Zoom &In (CmdOrCtrl+Plus)', 'Zoom &Out (CmdOrCtrl+-)', '&Actual Size (CmdOrCtrl+0)', '---', '&Full Screen (F11)'] },
      { '&Help': ['&Documentation (F1)', 'Open &Logs Folder', '---', '&About RMS Connector Admin'] },
    ]);
  });

  it('adds Reload and developer tools in development only', () => {
    const view = buildMenuTemplate({ isDevelopment: true, actions: { showAbout: noop, openLogsFolder: noop, openDocumentation: noop } })[1];
    const roles = Array.isArray(view?.submenu) ? view.submenu.map((item) => item.role ?? item.type) : [];
    expect(roles).toEqual(['reload', 'toggleDevTools', 'separator', 'zoomIn', 'zoomOut', 'resetZoom', 'separator', 'togglefullscreen']);
  });

  it('runs the given actions from the Help items', () => {
    const called: string[] = [];
    const help = buildMenuTemplate({
      isDevelopment: false,
      actions: { showAbout: () => called.push('about'), openLogsFolder: () => called.push('logs'), openDocumentation: () => called.push('docs') },
    })[2];
    const items = Array.isArray(help?.submenu) ? help.submenu : [];
    for (const item of items) (item.click as (() => void) | undefined)?.();
    expect(called).toEqual(['docs', 'logs', 'about']);
  });

  it('uses the quit role for Exit so Windows gets Alt+F4 and macOS Cmd+Q', () => {
    const file = buildMenuTemplate({ isDevelopment: false, actions: { showAbout: noop, openLogsFolder: noop, openDocumentation: noop } })[0];
    expect(Array.isArray(file?.submenu) ? file.submenu[0]?.role : undefined).toBe('quit');
  });
});

describe('aboutDetail', () => {
  it('names the console and runtime versions', () => {
    expect(aboutDetail({ app: '0.1.0', electron: '45.4.1', chrome: '146.0.1', node: '24.14.0' }).split('\n').slice(0, 4)).toEqual([
      'Version 0.1.0',
      'Electron 45.4.1',
      'Chromium 146.0.1',
      'Node.js 24.14.0',
    ]);
  });

  it('says unknown when the runtime does not tell', () => {
    expect(aboutDetail({ app: '0.1.0' })).toContain('Electron unknown');
  });
});
