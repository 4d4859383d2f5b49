import { CaFileError, describeCaFileRefusal, readCaFile } from '../../core/tls/read-ca-file.ts';
import { CliError } from './cli-error.ts';

/**
 * Read a CA file named on the command line with the one safe reader, refusing as the CLI does.
 *
 * The admin's own shell may hear the path and the reason ("not a regular file"); "missing"
 * and "not readable" stay one reason, as everywhere. Exit code 2, before anything connects.
 */
export async function readCaFileOption(path: string): Promise<string> {
  try {
    return (await readCaFile(path)).pem;
  } catch (error) {
    if (error instanceof CaFileError) throw new CliError('INVALID_CA_FILE', describeCaFileRefusal(path, error));
    throw error;
  }
}
