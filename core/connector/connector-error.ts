import type { ApiErrorCode } from '../../contract/connector-api/index.ts';
import type { KerberosErrorCode } from '../../contract/kerberos.ts';

/**
 * The codes the client itself raises, besides the service's own codes.
 *
 * They name where a call failed before a service answer could be read (network, TLS, proxy,
 * a body that is not the service's), so the console can say which setting to look at.
 */
export const CONNECTOR_CLIENT_ERROR_CODES = [
  'UNREACHABLE',
  'TIMEOUT',
  'TLS_UNTRUSTED',
  'TLS_NAME_MISMATCH',
  'PROXY_FAILED',
  'BAD_RESPONSE',
  'CANCELLED',
  'INVALID_OPTIONS',
] as const;

/** One of {@link CONNECTOR_CLIENT_ERROR_CODES}. */
export type ConnectorClientErrorCode = (typeof CONNECTOR_CLIENT_ERROR_CODES)[number];

/**
 * Every code a {@link ConnectorError} carries: the service's or the client's.
 *
 * One union lets callers switch on the code without knowing which side failed. A Kerberos
 * sign-in adds the codes of `contract/kerberos.ts` the client's own GSS-API raises (no ticket,
 * KDC unreachable…), the same codes the directory bind and the node use.
 */
export type ConnectorErrorCode = ApiErrorCode | ConnectorClientErrorCode | KerberosErrorCode;

/** The optional facts a {@link ConnectorError} carries next to its code and message. */
export type ConnectorErrorFields = {
  readonly status?: number | undefined;
  readonly retryAfterSeconds?: number | undefined;
  readonly details?: readonly string[] | undefined;
  readonly cause?: unknown;
};

/** The plain form of a {@link ConnectorError}, for logs and `--json`. */
export type ConnectorErrorJson = {
  readonly name: 'ConnectorError';
  readonly code: ConnectorErrorCode;
  readonly message: string;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly details?: readonly string[];
};

/**
 * A failed call to the connector configuration service, with a stable code.
 *
 * The message says what happened and what to do (for a service error, the service's own
 * sentence). No field ever carries the token or a password: the client builds messages only
 * from the address, the status and the service's words, and scrubs its secrets from those.
 */
export class ConnectorError extends Error {
  readonly code: ConnectorErrorCode;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly details: readonly string[] | undefined;

  constructor(code: ConnectorErrorCode, message: string, fields: ConnectorErrorFields = {}) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = 'ConnectorError';
    this.code = code;
    this.status = fields.status;
    this.retryAfterSeconds = fields.retryAfterSeconds;
    this.details = fields.details;
  }

  /** The fields worth printing, without the cause (a network error's internals). */
  toJSON(): ConnectorErrorJson {
    return {
      name: 'ConnectorError',
      code: this.code,
      message: this.message,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: this.retryAfterSeconds }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

const REDACTED = '[redacted]';

/**
 * The same error with every secret replaced in its message and details.
 *
 * A service message or a proxy's error page could echo what it was sent; scrubbing at the
 * boundary keeps a token out of logs even when the other side misbehaves.
 */
export function redactConnectorError(error: ConnectorError, secrets: readonly string[]): ConnectorError {
  const present = secrets.filter((secret) => secret.length > 0);
  const scrub = (text: string): string => present.reduce((scrubbed, secret) => scrubbed.replaceAll(secret, REDACTED), text);
  const message = scrub(error.message);
  const details = error.details?.map(scrub);
  const changed = message !== error.message || details?.some((detail, index) => detail !== error.details?.[index]) === true;
  if (!changed) return error;
  // The cause is dropped too: it may hold the unscrubbed text.
  return new ConnectorError(error.code, message, { status: error.status, retryAfterSeconds: error.retryAfterSeconds, details });
}
