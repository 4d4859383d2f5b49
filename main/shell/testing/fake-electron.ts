import type { BrowserWindowConstructorOptions, CustomScheme, MenuItemConstructorOptions, MessageBoxOptions, OpenDialogOptions } from 'electron';
import type { SafeStorageLike } from '../settings/safe-storage-vault.ts';
import type { ShellElectron, ShellEvent, ShellInvokeEvent, ShellMainFrame, ShellWebContents, ShellWindow } from '../shell-electron.ts';

type Listener = (...args: never[]) => unknown;

/** A tiny event emitter: what was registered, and a way to fire it. */
class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...values: unknown[]) => unknown)(...args);
  }
}

/** A cancellable event, remembering whether it was cancelled. */
export function fakeEvent<Extra extends object>(extra: Extra = {} as Extra): ShellEvent & Extra & { prevented: boolean } {
  const event = {
    ...extra,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

let nextContentsId = 1;

/** A message main pushed to a frame: the channel and its arguments. */
export type SentMessage = { readonly channel: string; readonly args: readonly unknown[] };

/** A top frame at `url` that records what main sends it in `sent`. */
export function fakeMainFrame(
  url: string,
  sent: SentMessage[],
  identity: { processId: number; routingId: number } = { processId: 1, routingId: 1 },
): ShellMainFrame {
  return {
    url,
    parent: null,
    detached: false,
    ...identity,
    send(channel, ...args) {
      sent.push({ channel, args });
    },
  };
}

/** A page: its main frame, and what the shell attached to it. */
export class FakeWebContents extends Emitter implements ShellWebContents {
  readonly id = nextContentsId++;
  /** What main sent this page's top frame, whichever frame object it was at the time. */
  readonly sent: SentMessage[] = [];
  mainFrame: ShellMainFrame = fakeMainFrame('', this.sent);
  windowOpenHandler: ((details: { readonly url: string }) => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

/** A window that records its options and the URLs it loaded. */
export class FakeWindow extends Emitter implements ShellWindow {
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  shown = 0;
  focused = 0;
  minimized = false;
  maximized = false;
  destroyed = false;
  /** What getNormalBounds answers: the options' bounds at first, set by tests to play a move. */
  normalBounds: { x: number; y: number; width: number; height: number };
  readonly options: BrowserWindowConstructorOptions;
  constructor(options: BrowserWindowConstructorOptions) {
    super();
    this.options = options;
    this.normalBounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.webContents.mainFrame = fakeMainFrame(url, this.webContents.sent);
    return Promise.resolve();
  }
  show(): void {
    this.shown += 1;
  }
  focus(): void {
    this.focused += 1;
  }
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.normalBounds };
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** A reversible stand-in for safeStorage (base64 with a marker), with a real keyring backend. */
export const fakeSafeStorage: SafeStorageLike = {
  isAsyncEncryptionAvailable: () => Promise.resolve(true),
  encryptStringAsync: (text) => Promise.resolve(Buffer.from(`enc:${text}`)),
  decryptStringAsync: (data) => Promise.resolve({ shouldReEncrypt: false, result: data.toString().replace(/^enc:/, '') }),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};

/** Everything the fake recorded, for the tests to look at. */
export type FakeElectron = ShellElectron & {
  readonly record: {
    readonly calls: string[];
    readonly schemes: CustomScheme[];
    readonly protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
    readonly ipcHandlers: Map<string, (event: ShellInvokeEvent, ...args: unknown[]) => Promise<unknown>>;
    readonly windows: FakeWindow[];
    readonly permissionRequest: ((
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { readonly requestingUrl?: string },
    ) => void)[];
    readonly permissionCheck: ((webContents: unknown, permission: string, requestingOrigin: string) => boolean)[];
    readonly devicePermission: ((details: unknown) => boolean)[];
    readonly menus: MenuItemConstructorOptions[][];
    readonly openedExternal: string[];
    readonly openedPaths: string[];
    readonly messageBoxes: MessageBoxOptions[];
    readonly errorBoxes: string[];
    readonly openDialogs: OpenDialogOptions[];
    /** What the next open dialog answers (default: the admin cancelled). */
    openDialogAnswer: { canceled: boolean; filePaths: string[] };
    exitCode: number | undefined;
  };
  /** The app object as an emitter, to fire its events. */
  readonly appEvents: Emitter;
  /** Resolve `app.whenReady()`. */
  ready(): void;
};

/** One 1920×1080 display whose work area leaves room for a 40-pixel taskbar. */
export const FAKE_WORK_AREA = { x: 0, y: 0, width: 1920, height: 1040 } as const;

/** Build a fake Electron; `singleInstance: false` plays a second start of the app; `workAreas` are its displays (primary first). */
export function createFakeElectron(options: {
  userData: string;
  singleInstance?: boolean;
  isPackaged?: boolean;
  workAreas?: readonly { x: number; y: number; width: number; height: number }[];
}): FakeElectron {
  const workAreas = options.workAreas ?? [FAKE_WORK_AREA];
  const appEvents = new Emitter();
  let markReady: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const record: FakeElectron['record'] = {
    calls: [],
    schemes: [],
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
    windows: [],
    permissionRequest: [],
    permissionCheck: [],
    devicePermission: [],
    menus: [],
    openedExternal: [],
    openedPaths: [],
    messageBoxes: [],
    errorBoxes: [],
    openDialogs: [],
    openDialogAnswer: { canceled: true, filePaths: [] },
    exitCode: undefined,
  };
  const app: ShellElectron['app'] = {
    isPackaged: options.isPackaged ?? true,
    enableSandbox: () => record.calls.push('enableSandbox'),
    requestSingleInstanceLock: () => {
      record.calls.push('requestSingleInstanceLock');
      return options.singleInstance ?? true;
    },
    whenReady: () => whenReady,
    quit: () => record.calls.push('quit'),
    exit: (code) => {
      record.exitCode = code;
    },
    getPath: () => options.userData,
    getAppPath: () => '/app',
    getVersion: () => '0.1.0',
    on: (event: string, listener: Listener) => appEvents.on(event, listener),
  };
  class BrowserWindow extends FakeWindow {
    constructor(windowOptions: BrowserWindowConstructorOptions) {
      super(windowOptions);
      record.windows.push(this);
      appEvents.emit('web-contents-created', {}, this.webContents);
    }
  }
  return {
    app,
    appEvents,
    record,
    ready: () => {
      record.calls.push('ready');
      markReady();
    },
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes) => {
        record.calls.push('registerSchemesAsPrivileged');
        record.schemes.push(...schemes);
      },
      handle: (scheme, handler) => record.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler) => record.permissionRequest.push(handler),
        setPermissionCheckHandler: (handler) => record.permissionCheck.push(handler),
        setDevicePermissionHandler: (handler) => record.devicePermission.push(handler),
      },
    },
    ipcMain: { handle: (channel, listener) => record.ipcHandlers.set(channel, listener) },
    Menu: {
      buildFromTemplate: (template) => {
        record.menus.push(template);
        return template;
      },
      setApplicationMenu: () => record.calls.push('setApplicationMenu'),
    },
    shell: {
      openExternal: (url) => {
        record.openedExternal.push(url);
        return Promise.resolve();
      },
      openPath: (path) => {
        record.openedPaths.push(path);
        return Promise.resolve('');
      },
    },
    dialog: {
      showMessageBox: (boxOptions) => {
        record.messageBoxes.push(boxOptions);
        return Promise.resolve({ response: 0 });
      },
      showErrorBox: (title, content) => record.errorBoxes.push(`${title}: ${content}`),
      showOpenDialog: (dialogOptions) => {
        record.openDialogs.push(dialogOptions);
        return Promise.resolve(record.openDialogAnswer);
      },
    },
    safeStorage: fakeSafeStorage,
    screen: {
      getAllDisplays: () => workAreas.map((workArea) => ({ workArea })),
      getPrimaryDisplay: () => ({ workArea: workAreas[0] ?? FAKE_WORK_AREA }),
    },
  };
}
