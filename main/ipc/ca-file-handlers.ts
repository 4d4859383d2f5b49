import type { CaFilePurpose } from '../../contract/ca-file.ts';
import type { CaFileRegistry } from './ca-file-registry.ts';
import type { CaFileChooser } from './console-ports.ts';
import { consoleFailure } from './console-failure.ts';
import { publicHandler, type HandlerTable } from './handler-types.ts';

const TITLES: Record<CaFilePurpose, string> = {
  directory: "Choose the CA certificate of the domain controllers' certificates",
  health: "Choose the CA certificate of the connector's HTTPS certificate",
};

/**
 * `ca-file:choose`: main asks the admin for a CA file with the desktop's picker, reads and
 * checks it, and answers an id with the file's name, subject and expiry.
 *
 * Public: the sign-in form needs it before any session. Without a picker (the browser
 * harness started without one) it answers `NOT_AVAILABLE`.
 */
export function createCaFileHandlers(options: {
  readonly chooseCaFile?: CaFileChooser | undefined;
  readonly caFiles: CaFileRegistry;
}): Pick<HandlerTable, 'ca-file:choose'> {
  return {
    'ca-file:choose': publicHandler(async (request) => {
      const choose = options.chooseCaFile;
      if (choose === undefined) {
        throw consoleFailure(
          'NOT_AVAILABLE',
          'A CA file cannot be chosen here',
          'This console runs without the desktop app, so it cannot show a file picker. Use the desktop app, or the command line with --ca.',
        );
      }
      const path = await choose({ title: TITLES[request.purpose], buttonLabel: 'Use this certificate' });
      if (path === undefined) return { chosen: false as const };
      return { chosen: true as const, file: await options.caFiles.choose(path) };
    }),
  };
}
