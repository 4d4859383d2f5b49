import path from 'node:path';
import { APP_SCHEME } from './app-origin.ts';
import { aboutDetail, buildMenuTemplate, type AboutVersions } from './app-menu.ts';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.ts';
import { composeConsole, type ComposedConsole } from './compose-console.ts';
import { createConsoleEventSender } from './console-event-sender.ts';
import { createCaFileChooser } from './ca-file-chooser.ts';
import { createFolderChooser } from './folder-chooser.ts';
import { createListFileChooser } from './list-file-chooser.ts';
import { createMainWindow, loadConsole, MAIN_WINDOW_SIZE, revealWindow } from './main-window.ts';
import { DOCUMENTATION_URL, isAllowedDocumentation } from './navigation-policy.ts';
import { registerIpc } from './register-ipc.ts';
import { createRotatingLog } from './rotating-log.ts';
import { createWindowStateFile } from './settings/window-state-file.ts';
import type { ShellElectron, ShellWindow } from './shell-electron.ts';
import { denyAllPermissions, guardWebContents } from './web-contents-guards.ts';
import { placeWindow } from './window-placement.ts';
import { keepWindowState, type WindowStateKeeper } from './window-state-keeper.ts';

/** What the entry point knows that Electron does not: where the build lies and what runs it. */
export type ShellOptions = {
  /** app/dist: holds main/, preload/preload.cjs and renderer/. */
  readonly distFolder: string;
  readonly platform: NodeJS.Platform;
  readonly versions: Omit<AboutVersions, 'app'>;
};

/** The window's remembered size, position and maximized state, in the user-data folder. */
export const WINDOW_STATE_FILE = 'window-state.json';

/** How long quitting waits for sign-out and the demo before leaving anyway. */
const SHUTDOWN_TIMEOUT_MS = 5000;

/**
 * Run the desktop app: lifecycle, protocol, permissions, IPC, menu and the one window.
 *
 * Before ready it registers the app scheme, turns the sandbox on for every renderer and takes
 * the single-instance lock (a second start focuses the first window and exits). On ready it
 * denies all permissions, serves the renderer from `app://console`, composes the console,
 * registers the one IPC handler, sends the console's events to the window's top frame only,
 * and opens the window where it was last closed (moved onto a display if that one is gone). Every webContents, whenever created,
 * gets the navigation guards. Quitting closes the dispatcher (sign-out) and the demo first,
 * and lets the window's last state reach its file.
 * Resolves once started; a failed start is logged, shown and ends the app.
 */
export function startShell(electron: ShellElectron, options: ShellOptions): Promise<void> {
  const { app, dialog, shell } = electron;
  electron.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
  const isDevelopment = !app.isPackaged;
  const logsFolder = path.join(app.getPath('userData'), 'logs');
  const logFile = createRotatingLog({ folder: logsFolder });
  const log = (line: Record<string, unknown>): void => {
    logFile.write(line);
  };
  const openDocumentation = (url: string): Promise<void> => {
    if (!isAllowedDocumentation(url)) return Promise.reject(new Error('Only the allowlisted documentation opens in the browser.'));
    // Checked against the documentation allowlist on the line above: https, exact host, path prefix.
    return shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
  };
  const openLogsFolder = async (): Promise<void> => {
    const failure = await shell.openPath(logsFolder);
    if (failure !== '') throw new Error(`The logs folder ${logsFolder} could not be opened: ${failure}`);
  };
  let window: ShellWindow | undefined;
  let trustedContentsId: number | undefined;
  let composed: ComposedConsole | undefined;
  let shutdown: 'running' | 'closing' | 'closed' = 'running';

  let windowState: WindowStateKeeper | undefined;
  const windowStateFile = createWindowStateFile(path.join(app.getPath('userData'), WINDOW_STATE_FILE));

  const openWindow = (): void => {
    const { screen } = electron;
    const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
    const placement = placeWindow(windowStateFile.load(), workAreas, MAIN_WINDOW_SIZE);
    const created = createMainWindow(electron, { preloadPath: path.join(options.distFolder, 'preload', 'preload.cjs'), isDevelopment, placement });
    windowState = keepWindowState(created, windowStateFile, log);
    window = created;
    trustedContentsId = created.webContents.id;
    created.on('closed', () => {
      window = undefined;
      trustedContentsId = undefined;
    });
    loadConsole(created).catch((error: unknown) => {
      log({ event: 'window-load-failed', error });
    });
  };

  app.on('second-instance', () => {
    revealWindow(window);
  });
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { openExternal: openDocumentation, log });
  });
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (window === undefined && composed !== undefined) openWindow();
  });
  app.on('will-quit', (event) => {
    if (shutdown === 'closed' || composed === undefined) return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    const closing = Promise.all([composed.close(), windowState?.settled()]).then(() => undefined);
    void withTimeout(closing, SHUTDOWN_TIMEOUT_MS).finally(() => {
      shutdown = 'closed';
      log({ event: 'stopped' });
      app.quit();
    });
  });

  const onReady = (): void => {
    log({ event: 'started', version: app.getVersion(), ...options.versions, development: isDevelopment });
    denyAllPermissions(electron.session.defaultSession, log);
    const onRefused = ({ reason }: { reason: string }): void => {
      log({ event: 'app-request-refused', reason });
    };
    electron.protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererFolder: path.join(options.distFolder, 'renderer'), onRefused }));
    const running = composeConsole({
      userData: app.getPath('userData'),
      safeStorage: electron.safeStorage,
      platform: options.platform,
      openLogsFolder,
      chooseFolder: createFolderChooser(dialog),
      chooseCaFile: createCaFileChooser(dialog),
      chooseListFile: createListFileChooser(dialog),
      log,
    });
    composed = running;
    registerIpc(electron.ipcMain, {
      dispatch: (channel, request) => running.dispatcher.dispatch(channel, request),
      trustedContentsId: () => trustedContentsId,
      log,
    });
    running.dispatcher.subscribe(createConsoleEventSender({ window: () => window, trustedContentsId: () => trustedContentsId, log }));
    const showAbout = (): void => {
      const detail = aboutDetail({ app: app.getVersion(), ...options.versions });
      void dialog.showMessageBox({ type: 'info', title: 'About RMS Connector Admin', message: 'RMS Connector Admin', detail, buttons: ['OK'], noLink: true });
    };
    const actions = {
      showAbout,
      openLogsFolder: () => {
        openLogsFolder().catch((error: unknown) => {
          dialog.showErrorBox('Open logs folder', error instanceof Error ? error.message : String(error));
        });
      },
      openDocumentation: () => {
        openDocumentation(DOCUMENTATION_URL).catch((error: unknown) => {
          log({ event: 'open-external-failed', error });
        });
      },
    };
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(buildMenuTemplate({ isDevelopment, actions })));
    openWindow();
  };

  return app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      log({ event: 'start-failed', error });
      const reason = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('RMS Connector Admin could not start', `${reason}\n\nDetails are in the log folder: ${logsFolder}`);
      app.exit(1);
    });
}

/** `promise`, or nothing once `milliseconds` have passed: quitting never hangs on a stuck shutdown. */
function withTimeout(promise: Promise<void>, milliseconds: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      resolve();
    }, milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}
