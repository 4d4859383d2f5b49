import type { KerberosProbe, KerberosProbeRequest } from '../../contract/console-session.ts';
import { DirectoryError, kerberosIdentityOf } from '../../core/directory/index.ts';
import { untilAborted } from './abortable.ts';
import type { CaFileRegistry } from './ca-file-registry.ts';
import type { ConsoleDependencies } from './console-dependencies.ts';
import { ConsoleFailure } from './console-failure.ts';
import { toIpcError } from './error-mapping.ts';
import { directoryTargetOf } from './open-session.ts';

/** How long the sign-in screen waits for the answer before it offers the password form alone. */
export const KERBEROS_PROBE_TIMEOUT_MS = 10_000;

/**
 * Whether "Sign in as CORP\alice" can be offered, and as whom.
 *
 * Binds to the directory with the current ticket (the same bind the sign-in will make),
 * reads the account from the directory and closes the connection before answering: nothing
 * outlives the call, and no name or password is involved. Any directory or Kerberos failure
 * is an answer (`available: false` with its code, title and message, shown as a quiet note),
 * never an error; only the admin's Cancel is. Bounded by {@link KERBEROS_PROBE_TIMEOUT_MS}.
 */
export async function probeKerberos(
  dependencies: ConsoleDependencies,
  request: KerberosProbeRequest,
  signal: AbortSignal,
  caFiles: CaFileRegistry,
  timeoutMs = KERBEROS_PROBE_TIMEOUT_MS,
): Promise<KerberosProbe> {
  const bounded = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
  try {
    const { caFileId, ...settings } = request.directory;
    const caPem = caFileId === undefined ? undefined : await caFiles.pem(caFileId, bounded);
    const opening = dependencies.connectDirectory({ ...directoryTargetOf(settings, caPem), kerberos: true, timeoutMs });
    const directory = await untilAborted(opening, bounded, (late) => late.close());
    try {
      const identity = await untilAborted(kerberosIdentityOf(directory, bounded), bounded);
      return {
        available: true,
        account: identity.account,
        ...(identity.displayName === undefined ? {} : { displayName: identity.displayName }),
        principal: identity.principal,
      };
    } finally {
      await directory.close();
    }
  } catch (error) {
    if (signal.aborted) throw error;
    if (bounded.aborted) {
      return {
        available: false,
        code: 'TIMEOUT',
        title: 'The domain controller did not answer in time',
        message: `Looking for your Kerberos sign-in took more than ${String(timeoutMs / 1000)} seconds. Check the directory settings, or sign in with a password.`,
      };
    }
    if (error instanceof DirectoryError || error instanceof ConsoleFailure) return notOffered(error);
    throw error;
  }
}

function notOffered(error: DirectoryError | ConsoleFailure): KerberosProbe {
  const { code, title, message } = toIpcError(error);
  return { available: false, code, title, message };
}
