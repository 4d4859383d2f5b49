import { isAbsolute } from 'node:path';
import type { FileRequest } from '../ipc/console-ports.ts';
import type { ShellElectron } from './shell-electron.ts';

/** One filter of the desktop's open-file dialog: its name and the extensions it shows. */
export type OpenFileFilter = { readonly name: string; readonly extensions: readonly string[] };

/**
 * The desktop's open-file dialog for one file of the given kinds: a path main reads itself.
 *
 * Closing it, or an answer that is not one absolute path, means "no file"; main then reads
 * nothing. The CA file picker and Import… both ask through here.
 */
export function createOpenFileChooser(
  dialog: Pick<ShellElectron['dialog'], 'showOpenDialog'>,
  filters: readonly OpenFileFilter[],
): (request: FileRequest) => Promise<string | undefined> {
  return async (request) => {
    const answer = await dialog.showOpenDialog({
      title: request.title,
      buttonLabel: request.buttonLabel,
      properties: ['openFile', 'dontAddToRecent'],
      filters: filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })),
    });
    const [file, ...more] = answer.filePaths;
    if (answer.canceled || file === undefined || more.length > 0 || !isAbsolute(file)) return undefined;
    return file;
  };
}
