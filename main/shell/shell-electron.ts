import type { BrowserWindowConstructorOptions, CustomScheme, MenuItemConstructorOptions, MessageBoxOptions, OpenDialogOptions } from 'electron';
import type { SafeStorageLike } from './settings/safe-storage-vault.ts';

/*
 * The part of Electron the shell uses, as structural types.
 *
 * Only main.ts hands over the real module (and the compiler checks there that it fits);
 * unit tests hand over testing/fake-electron.ts and look at what the shell did with it.
 * `import type` from 'electron' is erased: no test ever loads Electron.
 */

/** An Electron event that can be cancelled. */
export type ShellEvent = { preventDefault(): void };

/** A frame as main sees it (`WebFrameMain`). */
export type ShellWebFrame = {
  readonly url: string;
  readonly parent: ShellWebFrame | null;
  /** With `routingId`, what identifies a frame: Electron may hand out a new wrapper object for the same frame. */
  readonly processId: number;
  readonly routingId: number;
  /** True once the frame has navigated away or been removed; it then speaks for no document. */
  readonly detached: boolean;
};

/** A page's top frame, which main can also push a message to (`WebFrameMain.send`). */
export type ShellMainFrame = ShellWebFrame & { send(channel: string, ...args: unknown[]): void };

/** A page's contents (`WebContents`): the navigation hooks the guards use, and its top frame. */
export type ShellWebContents = {
  readonly id: number;
  readonly mainFrame: ShellMainFrame;
  on(event: 'will-navigate' | 'will-redirect', listener: (details: ShellEvent & { readonly url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: ShellEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
};

/** A browser window. */
export type ShellWindow = {
  readonly webContents: ShellWebContents;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed' | 'close' | 'resize' | 'move' | 'maximize' | 'unmaximize', listener: () => void): unknown;
  show(): void;
  maximize(): void;
  isMaximized(): boolean;
  /** The bounds the window returns to when neither maximized nor minimized. */
  getNormalBounds(): { x: number; y: number; width: number; height: number };
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
};

/** What `ipcMain.handle` passes its listener. */
export type ShellInvokeEvent = {
  readonly sender: { readonly id: number; readonly mainFrame: ShellWebFrame };
  readonly senderFrame: ShellWebFrame | null;
};

/** The IPC side of main (`ipcMain`): one invoke channel, nothing fire-and-forget. */
export type ShellIpcMain = {
  handle(channel: string, listener: (event: ShellInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
};

/** A session's permission hooks. */
export type ShellSession = {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: { readonly requestingUrl?: string }) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
};

/** The application object (`app`). */
export type ShellApp = {
  readonly isPackaged: boolean;
  enableSandbox(): void;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<unknown>;
  quit(): void;
  exit(exitCode?: number): void;
  getPath(name: 'userData'): string;
  getAppPath(): string;
  getVersion(): string;
  on(event: 'second-instance' | 'window-all-closed' | 'activate', listener: () => void): unknown;
  on(event: 'will-quit', listener: (event: ShellEvent) => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: ShellWebContents) => void): unknown;
};

/** Everything of Electron the shell touches. */
export type ShellElectron = {
  readonly app: ShellApp;
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => ShellWindow;
  readonly protocol: {
    registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
  readonly session: { readonly defaultSession: ShellSession };
  readonly ipcMain: ShellIpcMain;
  readonly Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): unknown; setApplicationMenu(menu: unknown): void };
  readonly shell: { openExternal(url: string): Promise<void>; openPath(path: string): Promise<string> };
  readonly dialog: {
    showMessageBox(options: MessageBoxOptions): Promise<unknown>;
    showErrorBox(title: string, content: string): void;
    showOpenDialog(options: OpenDialogOptions): Promise<{ readonly canceled: boolean; readonly filePaths: readonly string[] }>;
  };
  readonly safeStorage: SafeStorageLike;
  /** The displays (only after ready): where a remembered window may still be shown. */
  readonly screen: {
    getAllDisplays(): readonly { readonly workArea: { x: number; y: number; width: number; height: number } }[];
    getPrimaryDisplay(): { readonly workArea: { x: number; y: number; width: number; height: number } };
  };
};
