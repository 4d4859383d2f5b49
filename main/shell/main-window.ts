import { APP_ENTRY_URL } from './app-origin.ts';
import type { ShellElectron, ShellWindow } from './shell-electron.ts';
import type { WindowPlacement, WindowSizeLimits } from './window-placement.ts';

/** The window's size on a first start, and the smallest it may be made. */
export const MAIN_WINDOW_SIZE: WindowSizeLimits = { width: 1280, height: 820, minWidth: 960, minHeight: 600 };

/** Options of {@link createMainWindow}. */
export type MainWindowOptions = {
  /** The built CommonJS preload (app/dist/preload/preload.cjs). */
  readonly preloadPath: string;
  /** Developer tools exist only when running from source. */
  readonly isDevelopment: boolean;
  /** Where it opens (remembered from the last session, see window-placement.ts); default size, centred, without. */
  readonly placement?: WindowPlacement;
};

/**
 * Open the console's one window on the app origin, shown once its first paint is ready.
 *
 * The security settings are written out even where they are Electron's defaults, so a
 * reader (and Electronegativity) sees them: context isolation, sandbox, no Node.js in the
 * page or its workers and frames, no `<webview>`, middle-click (Auxclick) off so it cannot
 * open a window; `webSecurity`, `allowRunningInsecureContent`, `experimentalFeatures` and
 * `enableBlinkFeatures` are left at their safe defaults by not being named. Spell checking
 * is off: it would download dictionaries, and the fields hold account names. Dropping a
 * file on the window does not navigate to it. A window that was maximized when last closed
 * opens maximized (over its remembered normal bounds, which un-maximizing returns to).
 */
export function createMainWindow(electron: Pick<ShellElectron, 'BrowserWindow'>, options: MainWindowOptions): ShellWindow {
  const { BrowserWindow } = electron;
  const window = new BrowserWindow({
    title: 'RMS Connector Admin',
    ...(options.placement?.bounds ?? { width: MAIN_WINDOW_SIZE.width, height: MAIN_WINDOW_SIZE.height }),
    minWidth: MAIN_WINDOW_SIZE.minWidth,
    minHeight: MAIN_WINDOW_SIZE.minHeight,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK — our own bundled preload; it exposes one invoke method and never ipcRenderer
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
      devTools: options.isDevelopment,
    },
  });
  window.once('ready-to-show', () => {
    if (options.placement?.maximized === true) window.maximize();
    window.show();
  });
  return window;
}

/** Load the console's entry page into `window`. */
export function loadConsole(window: ShellWindow): Promise<void> {
  return window.loadURL(APP_ENTRY_URL);
}

/** Bring the window to the front (a second start of the app lands here). */
export function revealWindow(window: ShellWindow | undefined): void {
  if (window === undefined || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
