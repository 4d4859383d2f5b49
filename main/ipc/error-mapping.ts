import type { IpcError } from '../../contract/ipc-result.ts';
import { KERBEROS_ERROR_MESSAGES, KERBEROS_ERROR_TITLES, type KerberosErrorCode } from '../../contract/kerberos.ts';
import { ConnectorError, type ConnectorErrorCode } from '../../core/connector/index.ts';
import { DirectoryError, type DirectoryErrorCode } from '../../core/directory/index.ts';
import { KerberosError } from '../../core/kerberos/index.ts';
import { CANCELLED_ERROR, ConsoleFailure } from './console-failure.ts';

/**
 * A short title for each directory code; the directory's own message already says what to do.
 */
const DIRECTORY_TITLES: Readonly<Record<DirectoryErrorCode, string>> = {
  INVALID_CREDENTIALS: 'The directory refused the user name or password',
  ACCOUNT_LOCKED: 'The directory account is locked out',
  ACCOUNT_DISABLED: 'The directory account is disabled',
  ACCOUNT_EXPIRED: 'The directory account has expired',
  PASSWORD_EXPIRED: 'The directory password has expired',
  LOGON_RESTRICTED: 'The directory account may not sign in now',
  EMPTY_PASSWORD: 'A password is required',
  STRONG_AUTH_REQUIRED: 'The domain controller requires a protected connection',
  PLAINTEXT_REFUSED: 'Refused to send the password unencrypted',
  CERT_UNTRUSTED: "The domain controller's certificate is not trusted",
  CERT_NAME_MISMATCH: "The domain controller's certificate names another server",
  CERT_EXPIRED: "The domain controller's certificate has expired",
  STARTTLS_FAILED: 'StartTLS failed',
  UNREACHABLE: 'The domain controller could not be reached',
  TIMEOUT: 'The domain controller did not answer in time',
  DNS_DISCOVERY_FAILED: 'No domain controller was found',
  CONNECTION_LOST: 'The connection to the domain controller was lost',
  INVALID_INPUT: 'The directory input is not valid',
  NOT_FOUND: 'Not found in the directory',
  INSUFFICIENT_ACCESS: 'No read access to this part of the directory',
  DIRECTORY_ERROR: 'The domain controller returned an error',
  CANCELLED: 'Cancelled',
  ...KERBEROS_ERROR_TITLES,
};

type ServiceText = {
  readonly title: string;
  /** The console's own sentence; without it the service's (or client's) message is shown. */
  readonly message?: (error: ConnectorError) => string;
  /** Keep the client's technical sentence (address, reason) as a detail. */
  readonly keepDetail?: boolean;
};

const SESSION_ENDED: ServiceText = { title: 'Your session has ended', message: () => 'Your session has ended, sign in again.' };

/**
 * The title (and, where the console can say it better, the message) of each service code.
 *
 * Service codes whose own message names the account, group or environment involved keep
 * that message; the client's network and TLS codes get a sentence naming the setting to
 * look at, with the client's technical sentence kept as a detail.
 */
export const SERVICE_TEXTS: Readonly<Partial<Record<ConnectorErrorCode, ServiceText>>> = {
  BAD_CREDENTIALS: {
    title: 'Sign-in failed',
    message: () => 'The user name or password is incorrect. Use your user principal name (admin@contoso.com) or DOMAIN\\name.',
  },
  ACCOUNT_UNUSABLE: { title: 'This account cannot sign in' },
  NO_ADMIN_ROLE: { title: 'Not a connector administrator' },
  ONBOARDING_BLOCKED: { title: 'Onboarding control blocks this account' },
  ROLE_REVOKED: { title: 'Your administrator role was removed' },
  GLOBAL_ADMINISTRATOR_REQUIRED: { title: 'Only a GlobalAdministrator can change this' },
  LAST_GLOBAL_ADMINISTRATOR: { title: 'The last GlobalAdministrator cannot be removed' },
  ONBOARDING_WOULD_LOCK_OUT: { title: 'You are not in this group' },
  ALREADY_ADMINISTRATOR: { title: 'Already holds this role' },
  NOT_SECURITY_GROUP: { title: 'Not a security group' },
  ADMINISTRATOR_KIND_REFUSED: { title: 'Neither a user nor a security group' },
  WRONG_ENVIRONMENT: { title: 'Wrong cloud environment' },
  THROTTLED: {
    title: 'Too many attempts',
    message: (error) =>
      `The service asks to wait before trying again. Wait ${error.retryAfterSeconds === undefined ? 'a minute' : `${String(error.retryAfterSeconds)} second${error.retryAfterSeconds === 1 ? '' : 's'}`}, then try again.`,
    keepDetail: true,
  },
  TOKEN_EXPIRED: SESSION_ENDED,
  UNAUTHENTICATED: SESSION_ENDED,
  UNREACHABLE: {
    title: 'The service could not be reached',
    message: () => 'The connector configuration service could not be reached: check the service URL under Advanced, the network and the proxy.',
    keepDetail: true,
  },
  TLS_UNTRUSTED: {
    title: "The service's certificate is not trusted",
    message: () =>
      "The service's certificate is not trusted by this computer. Check the service URL under Advanced; if it is right, have the certificate authority that issued the service's certificate trusted here (for an enterprise CA, its root certificate).",
    keepDetail: true,
  },
  TLS_NAME_MISMATCH: {
    title: "The service's certificate names another server",
    message: () =>
      "The service's certificate does not carry the name in the service URL. Use the name the certificate carries in the service URL under Advanced, or have the certificate reissued with this name.",
    keepDetail: true,
  },
  TIMEOUT: {
    title: 'The service did not answer in time',
    message: () => 'The connector configuration service did not answer in time. Check the network and the proxy, then try again.',
    keepDetail: true,
  },
  PROXY_FAILED: { title: 'The web proxy failed' },
  BAD_RESPONSE: {
    title: 'Unexpected answer from the service',
    message: () => 'The address under Advanced answered, but not as the connector configuration service does. Check the service URL.',
    keepDetail: true,
  },
  INVALID_OPTIONS: { title: 'The service settings are not valid' },
  POLICY_REFUSED: { title: 'The service refused this grant' },
  ACCOUNT_NAME_REFUSED: { title: "The account's name hides a character" },
  ALREADY_AUTHORIZED: { title: 'Already allowed' },
  SID_NOT_FOUND: { title: 'Not found in the directory' },
  NOT_FOUND: { title: 'Not in the list' },
  DIRECTORY_UNAVAILABLE: { title: 'The service cannot reach its directory' },
  DATABASE_UNAVAILABLE: { title: 'The service cannot reach its database' },
  REQUEST_IN_PROGRESS: { title: 'Still in progress' },
  IDEMPOTENCY_KEY_REUSED: { title: 'The change was already sent' },
  INTERNAL_ERROR: { title: 'The service failed' },
};

/**
 * Codes after which the session is over: the service no longer accepts its token, or no
 * longer accepts the account behind it (role removed, account disabled, onboarding control).
 *
 * The dispatcher ends the session on these, so the next call says "not signed in" at once.
 */
export const SESSION_ENDING_CODES: ReadonlySet<string> = new Set([
  'TOKEN_EXPIRED',
  'UNAUTHENTICATED',
  'ROLE_REVOKED',
  'ACCOUNT_UNUSABLE',
  'ONBOARDING_BLOCKED',
]);

/**
 * Turn anything a handler threw into an error as data: never a stack, never a secret.
 *
 * Directory and service codes pass through with a title; the service's `PRECONDITION_FAILED`
 * becomes the console's `LIST_CHANGED` (one code for "someone else wrote first" wherever it
 * was noticed), and a cancelled call is the console's `CANCELLED`. Anything else is
 * `INTERNAL_ERROR` with a fixed sentence: an unexpected message may carry internals.
 */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof ConsoleFailure) return error.error;
  if (error instanceof DirectoryError) {
    if (error.code === 'CANCELLED') return CANCELLED_ERROR;
    return { code: error.code, source: 'directory', title: DIRECTORY_TITLES[error.code], message: error.message };
  }
  if (error instanceof ConnectorError) return serviceError(error);
  // Only the service client's Negotiate sign-in lets one through (the directory wraps its own).
  if (error instanceof KerberosError) return { code: error.code, source: 'service', title: KERBEROS_ERROR_TITLES[error.code], message: error.message };
  return {
    code: 'INTERNAL_ERROR',
    source: 'console',
    title: 'Something went wrong in the console',
    message:
      'The console hit an unexpected problem and stopped this action. Try again; if it happens again, sign out, sign in and retry, then report it with the console log.',
  };
}

function serviceError(error: ConnectorError): IpcError {
  if (error.code === 'CANCELLED') return CANCELLED_ERROR;
  if (error.code === 'PRECONDITION_FAILED') {
    return {
      code: 'LIST_CHANGED',
      source: 'console',
      title: 'The list was changed by someone else',
      message: 'The list was changed by someone else. Reload it, check your change against the new list, then save again.',
    };
  }
  const text =
    SERVICE_TEXTS[error.code] ?? (isKerberosCode(error.code) ? { title: KERBEROS_ERROR_TITLES[error.code] } : { title: 'The service refused the request' });
  const message = text.message?.(error) ?? error.message;
  const details = [...(text.keepDetail === true ? [error.message] : []), ...(error.details ?? [])];
  return { code: error.code, source: 'service', title: text.title, message, ...(details.length > 0 ? { details } : {}) };
}

/** Whether a service code is one of the Kerberos codes the service and its client share (contract/kerberos.ts). */
function isKerberosCode(code: string): code is KerberosErrorCode {
  return Object.hasOwn(KERBEROS_ERROR_MESSAGES, code);
}
