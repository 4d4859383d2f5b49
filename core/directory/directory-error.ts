import { KERBEROS_ERROR_MESSAGES } from '../../contract/kerberos.ts';

/**
 * Stable codes for every way reaching or reading the directory can fail.
 *
 * Codes are public (the CLI prints them, `--json` carries them); the message says what
 * happened and what to do, in words a Windows admin uses.
 */
export const DIRECTORY_ERROR_MESSAGES = {
  INVALID_CREDENTIALS: 'The user name or password is incorrect. Check the bind account (UPN or DOMAIN\\user) and its password.',
  ACCOUNT_LOCKED: 'The bind account is locked out. Wait for the lockout to expire or ask a domain admin to unlock it in Active Directory Users and Computers.',
  ACCOUNT_DISABLED: 'The bind account is disabled. Use another account or ask a domain admin to enable it.',
  ACCOUNT_EXPIRED: 'The bind account has expired. Ask a domain admin to extend its expiry date.',
  PASSWORD_EXPIRED: "The bind account's password has expired or must be changed at next logon. Change it, then sign in again.",
  LOGON_RESTRICTED: 'The bind account may not sign in at this time or from this computer (logon hours or workstation restriction).',
  EMPTY_PASSWORD: 'A password is required. An empty password would be an anonymous bind, which this tool never does.',
  STRONG_AUTH_REQUIRED:
    'The domain controller requires a protected connection for simple binds (strong authentication required). Use ldaps:// on port 636, or StartTLS.',
  PLAINTEXT_REFUSED: 'Refusing to send a password over an unencrypted connection. Use an ldaps:// URL, or choose StartTLS for an ldap:// URL.',
  CERT_UNTRUSTED:
    "The domain controller's certificate is not trusted. Give the CA file of the certificate authority that issued it (for an enterprise CA, export its root certificate).",
  CERT_NAME_MISMATCH:
    "The domain controller's certificate does not carry the expected server name. Connect by the DC's fully qualified name, or set the expected server name to the name in its certificate.",
  CERT_EXPIRED: "The domain controller's certificate has expired or is not yet valid. Renew the DC certificate.",
  STARTTLS_FAILED: 'The server refused StartTLS. Check that the domain controller has a certificate, or use ldaps:// on port 636.',
  UNREACHABLE: 'The domain controller could not be reached. Check the server name, port and firewall (LDAPS is TCP 636, LDAP 389, Global Catalog 3269).',
  TIMEOUT: 'The domain controller did not answer in time. Check the network path, or raise the timeout.',
  DNS_DISCOVERY_FAILED:
    "No domain controller was found in DNS for this domain. Check the domain name and that this computer uses the domain's DNS servers, or give a server explicitly.",
  CONNECTION_LOST: 'The connection to the domain controller was lost. Try again; the next request reconnects.',
  INVALID_INPUT: 'The input is not valid.',
  NOT_FOUND: 'The object was not found in the directory.',
  INSUFFICIENT_ACCESS: 'The bind account may not read this part of the directory. Use an account with read access.',
  DIRECTORY_ERROR: 'The domain controller returned an error.',
  CANCELLED: 'The operation was cancelled.',
  ...KERBEROS_ERROR_MESSAGES,
} as const;

/** One of the codes in {@link DIRECTORY_ERROR_MESSAGES}. */
export type DirectoryErrorCode = keyof typeof DIRECTORY_ERROR_MESSAGES;

/**
 * An error from the directory layer, with a stable code.
 *
 * `detail` carries the server's own words (never a password) for logs and `--verbose`.
 */
export class DirectoryError extends Error {
  readonly code: DirectoryErrorCode;
  readonly detail: string | undefined;

  constructor(code: DirectoryErrorCode, message?: string, detail?: string) {
    super(message ?? DIRECTORY_ERROR_MESSAGES[code]);
    this.name = 'DirectoryError';
    this.code = code;
    this.detail = detail;
  }
}
