import { z } from 'zod';
import type { KerberosErrorCode } from '../kerberos.ts';

/**
 * Every error code the service answers with, and the HTTP status it comes with.
 *
 * Codes are public: the console and scripts switch on them, so they never change meaning.
 * The KERBEROS_* codes are those of `contract/kerberos.ts`, so a refusal by the node reads
 * as the same refusal by the domain controller would.
 */
export const API_ERROR_STATUS = {
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  VALIDATION_FAILED: 400,
  WRONG_ENVIRONMENT: 400,
  INVALID_PRECONDITION: 400,
  INVALID_IDEMPOTENCY_KEY: 400,
  INVALID_LAST_EVENT_ID: 400,
  BAD_CREDENTIALS: 401,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  // Negotiate (Kerberos) sign-in: every 401 of it carries `WWW-Authenticate: Negotiate`.
  KERBEROS_NOT_CONFIGURED: 401,
  KERBEROS_TOKEN_REFUSED: 401,
  KERBEROS_WRONG_PRINCIPAL: 401,
  KERBEROS_TICKET_EXPIRED: 401,
  KERBEROS_CLOCK_SKEW: 401,
  KERBEROS_UNMAPPED_PRINCIPAL: 401,
  KERBEROS_FAILED: 401,
  ACCOUNT_UNUSABLE: 403,
  NO_ADMIN_ROLE: 403,
  ONBOARDING_BLOCKED: 403,
  ROLE_REVOKED: 403,
  GLOBAL_ADMINISTRATOR_REQUIRED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  ALREADY_AUTHORIZED: 409,
  REQUEST_IN_PROGRESS: 409,
  ALREADY_ADMINISTRATOR: 409,
  LAST_GLOBAL_ADMINISTRATOR: 409,
  ONBOARDING_WOULD_LOCK_OUT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SID_NOT_FOUND: 422,
  POLICY_REFUSED: 422,
  ACCOUNT_NAME_REFUSED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  NAME_NOT_FOUND: 422,
  NAME_AMBIGUOUS: 422,
  NOT_SECURITY_GROUP: 422,
  ADMINISTRATOR_KIND_REFUSED: 422,
  PRECONDITION_REQUIRED: 428,
  THROTTLED: 429,
  TOO_MANY_STREAMS: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL_ERROR: 500,
  DIRECTORY_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
} as const satisfies Readonly<Record<string, number>> & Partial<Record<KerberosErrorCode, 401>>;

/** One of the codes in {@link API_ERROR_STATUS}. */
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** Every error body: a stable code and a sentence that says what happened and what to do. */
export const ApiErrorSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.string()).optional(),
  })
  .strict();
/** See {@link ApiErrorSchema}. */
export type ApiError = z.infer<typeof ApiErrorSchema>;
