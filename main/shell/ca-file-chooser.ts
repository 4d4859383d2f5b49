import { isAbsolute } from 'node:path';
import type { CaFileChooser } from '../ipc/console-ports.ts';
import type { ShellElectron } from './shell-electron.ts';

/**
 * The desktop's open-file dialog as the console's {@link CaFileChooser} port.
 *
 * One file, certificates first (*.cer, *.crt, *.pem) with "All files" as the way out for
 * an oddly named export. Closing it, or an answer that is not one absolute path, means "no
 * file"; main then reads nothing. What is chosen is read by the one safe reader, in main.
 */
export function createCaFileChooser(dialog: Pick<ShellElectron['dialog'], 'showOpenDialog'>): CaFileChooser {
  return async (request) => {
    const answer = await dialog.showOpenDialog({
      title: request.title,
      buttonLabel: request.buttonLabel,
      properties: ['openFile', 'dontAddToRecent'],
      filters: [
        { name: 'Certificates (*.cer, *.crt, *.pem)', extensions: ['cer', 'crt', 'pem'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    const [file, ...more] = answer.filePaths;
    if (answer.canceled || file === undefined || more.length > 0 || !isAbsolute(file)) return undefined;
    return file;
  };
}
