import { DirectoryError } from '../../../core/directory/index.ts';
import { ApiFailure } from '../http/api-failure.ts';

/** Run a directory lookup; a directory that cannot answer is a 503, not a 500. */
export async function directoryCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DirectoryError) throw directoryUnavailable(error);
    throw error;
  }
}

/**
 * The 503 for a directory failure, naming what the service's operator can change.
 *
 * A timeout names the setting that governs it; the directory layer's own sentence speaks to
 * whoever runs the lookup, which is the operator here, not the admin who sent the request.
 */
export function directoryUnavailable(error: DirectoryError): ApiFailure {
  const what =
    error.code === 'TIMEOUT'
      ? "The domain controller did not answer in time. Try again; if it persists, the service's operator should check the network path to the domain controller or raise CONNECTOR_LDAP_TIMEOUT (seconds, default 15)."
      : `${error.message} Try again; if it persists, the service's operator should check its directory settings.`;
  return new ApiFailure('DIRECTORY_UNAVAILABLE', `The service could not reach its directory (${error.code}): ${what}`, { headers: { 'retry-after': '5' } });
}
