import { createHash } from 'node:crypto';
import { ApiFailure } from './api-failure.ts';

/** The strong ETag of a list version: `"7"`. */
export function etagOf(version: number): string {
  return `"${String(version)}"`;
}

/**
 * The Idempotency-Key of a request, or undefined when it sent none.
 *
 * The draft standard makes the value a quoted structured-field string; a bare token is
 * accepted too. Printable ASCII only, 8–255 characters, so keys cannot smuggle anything
 * into logs or the database.
 */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) throw new ApiFailure('INVALID_IDEMPOTENCY_KEY', 'Send one Idempotency-Key header.');
  const trimmed = header.trim();
  const key = trimmed.startsWith('"') && trimmed.endsWith('"') && trimmed.length >= 2 ? trimmed.slice(1, -1) : trimmed;
  if (!/^[\x21-\x7e]{8,255}$/.test(key) || key.includes('"') || key.includes('\\')) {
    throw new ApiFailure('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 8–255 printable characters without quotes inside; a UUID is best.');
  }
  return key;
}

/** A fingerprint of what a request asks for, to tell a retry from a reused key. */
export function fingerprintOf(operation: string, body: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(JSON.stringify(body)).digest('base64url');
}
