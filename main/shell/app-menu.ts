import type { MenuItemConstructorOptions } from 'electron';

/** What the menu's own items do (Electron roles handle the rest). */
export type MenuActions = {
  readonly showAbout: () => void;
  readonly openLogsFolder: () => void;
  readonly openDocumentation: () => void;
};

/** Options of {@link buildMenuTemplate}. */
export type MenuOptions = {
  /** Reload and developer tools are offered only when running from source. */
  readonly isDevelopment: boolean;
  readonly actions: MenuActions;
};

/**
 * The application menu, the Windows way: File, View, Help with `&` access keys.
 *
 * File → Exit (Alt+F4, the role's own accelerator on Windows). View → zoom in, out and
 * actual size (Ctrl+Plus / Ctrl+Minus / Ctrl+0) and full screen (F11); Reload and Toggle
 * Developer Tools only in development, so a packaged console cannot be reloaded into a
 * half-signed-in state or inspected by a passer-by. Help → Documentation (F1), Open logs
 * folder, then About last, as Windows programs place it.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { actions, isDevelopment } = options;
  const developmentItems: MenuItemConstructorOptions[] = isDevelopment
    ? [
        { role: 'reload', label: '&Reload', accelerator: 'CmdOrCtrl+R' },
        { role: 'toggleDevTools', label: 'Toggle &Developer Tools', accelerator: 'CmdOrCtrl+Shift+I' },
        { type: 'separator' },
      ]
    : [];
  return [
    { label: '&File', submenu: [{ role: 'quit', label: 'E&xit' }] },
    {
      label: '&View',
      submenu: [
        ...developmentItems,
        { role: 'zoomIn', label: 'Zoom &In', accelerator: 'CmdOrCtrl+Plus' },
        { role: 'zoomOut', label: 'Zoom &Out', accelerator: 'CmdOrCtrl+-' },
        { role: 'resetZoom', label: '&Actual Size', accelerator: 'CmdOrCtrl+0' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '&Full Screen', accelerator: 'F11' },
      ],
    },
    {
      label: '&Help',
      submenu: [
        { label: '&Documentation', accelerator: 'F1', click: actions.openDocumentation },
        { label: 'Open &Logs Folder', click: actions.openLogsFolder },
        { type: 'separator' },
        { label: '&About RMS Connector Admin', click: actions.showAbout },
      ],
    },
  ];
}

/** The versions the About box names. */
export type AboutVersions = {
  readonly app: string;
  readonly electron?: string | undefined;
  readonly chrome?: string | undefined;
  readonly node?: string | undefined;
};

/**
 * The About box's detail text: the console's version and the runtime underneath.
 *
 * Admins paste this into support tickets, so every version is spelled out ("unknown" when
 * the runtime does not say).
 */
export function aboutDetail(versions: AboutVersions): string {
  return [
    `Version ${versions.app}`,
    `Electron ${versions.electron ?? 'unknown'}`,
    `Chromium ${versions.chrome ?? 'unknown'}`,
    `Node.js ${versions.node ?? 'unknown'}`,
    '',
    'Administration console for the Rights Management connector.',
  ].join('\n');
}
