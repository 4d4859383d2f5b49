import type * as kerberos from 'kerberos';
import { KerberosError } from './kerberos-error.ts';

/** The native `kerberos` package (GSS-API on Linux and macOS, SSPI on Windows). */
export type KerberosModule = Pick<typeof kerberos, 'initializeClient' | 'initializeServer' | 'GSS_MECH_OID_KRB5' | 'GSS_MECH_OID_SPNEGO'>;

let loading: Promise<KerberosModule> | undefined;

/**
 * Load the native module on first use, so a password sign-in never needs it.
 *
 * A build without it (a platform with no compiler and no prebuilt binary) reports
 * KERBEROS_UNAVAILABLE with the loader's words, instead of failing at start-up.
 */
export function loadKerberos(): Promise<KerberosModule> {
  loading ??= import('kerberos').then(
    (module): KerberosModule => module.default,
    (error: unknown) => {
      loading = undefined;
      throw new KerberosError('KERBEROS_UNAVAILABLE', { detail: error instanceof Error ? error.message : String(error) });
    },
  );
  return loading;
}
