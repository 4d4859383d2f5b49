import { isAbsolute } from 'node:path';
import type { FolderChooser } from '../ipc/console-ports.ts';
import type { ShellElectron } from './shell-electron.ts';

/**
 * The desktop's folder picker as the console's {@link FolderChooser} port.
 *
 * Electron's native dialog, folders only, with "New folder" (on macOS `createDirectory`;
 * Windows and Linux pickers always offer it). Closing it, or an answer that is not one
 * absolute path, means "no folder": main then writes nothing.
 */
export function createFolderChooser(dialog: Pick<ShellElectron['dialog'], 'showOpenDialog'>): FolderChooser {
  return async (request) => {
    const answer = await dialog.showOpenDialog({
      title: request.title,
      buttonLabel: request.buttonLabel,
      properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
    });
    const [folder, ...more] = answer.filePaths;
    if (answer.canceled || folder === undefined || more.length > 0 || !isAbsolute(folder)) return undefined;
    return folder;
  };
}
