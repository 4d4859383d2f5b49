import type { KerberosErrorCode } from '../../contract/kerberos.ts';
import { KerberosError } from './kerberos-error.ts';

/**
 * GSS-API and SSPI report failures as text only (the kerberos package keeps no status codes),
 * so the text is matched: MIT krb5 and Heimdal wording first, then Windows SSPI's.
 */
const PATTERNS: readonly (readonly [RegExp, KerberosErrorCode])[] = [
  [
    /no kerberos credentials available|no credentials cache found|credentials cache .* not found|SEC_E_NO_CREDENTIALS|No credentials are available/i,
    'KERBEROS_NO_TICKET',
  ],
  [/ticket expired|ticket has expired|SEC_E_CONTEXT_EXPIRED|credentials have expired|expired credentials/i, 'KERBEROS_TICKET_EXPIRED'],
  [/clock skew|SEC_E_TIME_SKEW|time skew/i, 'KERBEROS_CLOCK_SKEW'],
  [/server not found in kerberos database|SEC_E_TARGET_UNKNOWN|principal unknown|unknown principal/i, 'KERBEROS_NO_SUCH_PRINCIPAL'],
  // The KDC no longer knows the ticket's owner (a deleted or renamed account).
  [/client not found in kerberos database|client '.*' not found/i, 'KERBEROS_UNMAPPED_PRINCIPAL'],
  [/cannot contact any kdc|cannot find kdc|SEC_E_NO_AUTHENTICATING_AUTHORITY|no authority could be contacted/i, 'KERBEROS_KDC_UNREACHABLE'],
  [/wrong principal in request|no key table entry found|SEC_E_WRONG_PRINCIPAL/i, 'KERBEROS_WRONG_PRINCIPAL'],
  [
    /replay|invalid token|defective token|malformed|bad integrity|decrypt integrity check failed|asn\.1|unsupported mechanism|invalid argument|SEC_E_INVALID_TOKEN|SEC_E_MESSAGE_ALTERED/i,
    'KERBEROS_TOKEN_REFUSED',
  ],
];

/** The code of a GSS-API or SSPI failure; anything unrecognised is KERBEROS_FAILED, with its words kept. */
export function classifyGssError(error: unknown, principal?: string): KerberosError {
  if (error instanceof KerberosError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const code = PATTERNS.find(([pattern]) => pattern.test(detail))?.[1] ?? 'KERBEROS_FAILED';
  return new KerberosError(code, { principal, detail });
}
