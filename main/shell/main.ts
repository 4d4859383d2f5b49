import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell } from 'electron';
import { startShell } from './start-shell.ts';

/*
 * The Electron entry point (bundled to app/dist/main/). Everything here is handed to
 * startShell, which the unit tests drive with a fake Electron; this file only proves to the
 * compiler that the real Electron fits the shell's structural types.
 */
const distFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

void startShell(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell },
  { distFolder, platform: process.platform, versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node } },
);
