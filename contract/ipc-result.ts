import { z } from 'zod';

/**
 * Where a failure comes from, so the console can say which setting to look at.
 *
 * `directory` is the domain controller, `service` the connector configuration service,
 * `console` the request itself (bad input, no session, cancelled) or the main process.
 */
export const ErrorSourceSchema = z.enum(['directory', 'service', 'console']);
/** See {@link ErrorSourceSchema}. */
export type ErrorSource = z.infer<typeof ErrorSourceSchema>;

/**
 * A failure as data (Electron carries only an error's message across `invoke`).
 *
 * `code` is stable (the directory's, the service's or the console's own codes); `title` says
 * what happened in a few words; `message` says what happened and what to do. Never a stack.
 */
export const IpcErrorSchema = z
  .object({
    code: z.string().min(1).max(64),
    source: ErrorSourceSchema,
    title: z.string(),
    message: z.string(),
    details: z.array(z.string()).optional(),
  })
  .strict();
/** See {@link IpcErrorSchema}. */
export type IpcError = z.infer<typeof IpcErrorSchema>;

/** The console's own codes (the directory's and the service's codes pass through unchanged). */
export const CONSOLE_ERROR_CODES = [
  'INVALID_REQUEST',
  'UNKNOWN_CHANNEL',
  'NOT_SIGNED_IN',
  'LIST_CHANGED',
  'SUPER_USERS_CHANGED',
  'ADMINISTRATION_CHANGED',
  'NEEDS_ACKNOWLEDGEMENT',
  'BLOCKED_BY_FINDINGS',
  'CANCELLED',
  'UNKNOWN_SEARCH',
  'PASSWORD_STORAGE_UNAVAILABLE',
  'NO_REMEMBERED_PASSWORD',
  'REMEMBERED_PASSWORD_REFUSED',
  'NOT_AVAILABLE',
  'DEMO_FAILED',
  'INTERNAL_ERROR',
] as const;

/** The answer to every call: a value, or an error as data. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };
