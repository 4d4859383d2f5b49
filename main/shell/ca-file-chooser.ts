import type { CaFileChooser } from '../ipc/console-ports.ts';
import { createOpenFileChooser } from './open-file-chooser.ts';
import type { ShellElectron } from './shell-electron.ts';

/**
 * The desktop's open-file dialog as the console's {@link CaFileChooser} port.
 *
 * One file, certificates first (*.cer, *.crt, *.pem) with "All files" as the way out for
 * an oddly named export. What is chosen is read by the one safe reader, in main.
 */
export function createCaFileChooser(dialog: Pick<ShellElectron['dialog'], 'showOpenDialog'>): CaFileChooser {
  return createOpenFileChooser(dialog, [
    { name: 'Certificates (*.cer, *.crt, *.pem)', extensions: ['cer', 'crt', 'pem'] },
    { name: 'All files', extensions: ['*'] },
  ]);
}
