import {
  ConfidentialityRequiredError,
  InsufficientAccessError,
  InvalidCredentialsError,
  NoSuchObjectError,
  ResultCodeError,
  StrongAuthRequiredError,
} from 'ldapts';
import { DirectoryError, type DirectoryErrorCode } from './directory-error.ts';
import { EXPIRED_CERTIFICATE_CODES, UNTRUSTED_CERTIFICATE_CODES } from '../tls/certificate-error-codes.ts';

const BIND_SUBCODES: Readonly<Record<string, DirectoryErrorCode>> = {
  '525': 'INVALID_CREDENTIALS',
  '52e': 'INVALID_CREDENTIALS',
  '530': 'LOGON_RESTRICTED',
  '531': 'LOGON_RESTRICTED',
  '532': 'PASSWORD_EXPIRED',
  '533': 'ACCOUNT_DISABLED',
  '701': 'ACCOUNT_EXPIRED',
  '773': 'PASSWORD_EXPIRED',
  '775': 'ACCOUNT_LOCKED',
};

const NETWORK_UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL']);
const NETWORK_DROPPED = new Set(['ECONNRESET', 'EPIPE', 'ERR_SOCKET_CLOSED']);

/**
 * Turn whatever the LDAP client or the socket threw into a {@link DirectoryError}.
 *
 * AD reports why a bind failed only inside the diagnostic text (`data 52e`, `data 775`…),
 * so the subcode is read from there; the server's text is kept as the detail.
 */
export function classifyLdapError(error: unknown): DirectoryError {
  if (error instanceof DirectoryError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const code = errorCodeOf(error);
  if (error instanceof InvalidCredentialsError) {
    const subcode = /data ([0-9a-f]{3})/i.exec(detail)?.[1]?.toLowerCase();
    return new DirectoryError((subcode === undefined ? undefined : BIND_SUBCODES[subcode]) ?? 'INVALID_CREDENTIALS', undefined, detail);
  }
  if (error instanceof StrongAuthRequiredError || error instanceof ConfidentialityRequiredError)
    return new DirectoryError('STRONG_AUTH_REQUIRED', undefined, detail);
  if (error instanceof InsufficientAccessError) return new DirectoryError('INSUFFICIENT_ACCESS', undefined, detail);
  if (error instanceof NoSuchObjectError) return new DirectoryError('NOT_FOUND', undefined, detail);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return new DirectoryError('CERT_NAME_MISMATCH', undefined, detail);
  if (code && UNTRUSTED_CERTIFICATE_CODES.has(code)) return new DirectoryError('CERT_UNTRUSTED', undefined, detail);
  if (code && EXPIRED_CERTIFICATE_CODES.has(code)) return new DirectoryError('CERT_EXPIRED', undefined, detail);
  if (code && NETWORK_UNREACHABLE.has(code)) return new DirectoryError('UNREACHABLE', undefined, detail);
  if (code === 'ETIMEDOUT' || /time ?out|timed out/i.test(detail)) return new DirectoryError('TIMEOUT', undefined, detail);
  if ((code && NETWORK_DROPPED.has(code)) || /connection (?:closed|lost)|socket (?:closed|hang up)/i.test(detail)) {
    return new DirectoryError('CONNECTION_LOST', undefined, detail);
  }
  if (error instanceof ResultCodeError)
    return new DirectoryError('DIRECTORY_ERROR', `The domain controller returned an error (LDAP result ${error.code}): ${detail}`, detail);
  return new DirectoryError('DIRECTORY_ERROR', `Unexpected error talking to the domain controller: ${detail}`, detail);
}

function errorCodeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}
