import type { ListFileChooser } from '../ipc/console-ports.ts';
import { createOpenFileChooser } from './open-file-chooser.ts';
import type { ShellElectron } from './shell-electron.ts';

/**
 * The desktop's open-file dialog as the console's {@link ListFileChooser} port (Import…).
 *
 * Lists first (*.json from `servers export`, *.csv from Export CSV), "All files" for a
 * renamed one; main reads what is chosen with a size limit and never takes a path from the renderer.
 */
export function createListFileChooser(dialog: Pick<ShellElectron['dialog'], 'showOpenDialog'>): ListFileChooser {
  return createOpenFileChooser(dialog, [
    { name: 'Authorized lists (*.json, *.csv)', extensions: ['json', 'csv'] },
    { name: 'All files', extensions: ['*'] },
  ]);
}
