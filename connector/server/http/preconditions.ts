import { createHash } from 'node:crypto';
import { ApiFailure } from './api-failure.ts';

/** The strong ETag of a list version: `"7"`. */
export function etagOf(version: number): string {
  return `"${String(version)}"`;
}

/**
 * The list version an `If-Match` header names.
 *
 * Strong comparison only (RFC 9110 §13.1.1): a weak tag never matches, so it is a 412 like
 * any stale tag; `*` is refused because "whatever the list is now" is exactly the lost
 * update the header exists to prevent.
 */
export function expectedVersionOf(ifMatch: string | string[] | undefined): number {
  if (ifMatch === undefined) throw new ApiFailure('PRECONDITION_REQUIRED', 'This change needs an If-Match header with the list\'s ETag. Read the list first (GET /v1/authorized-accounts) and send its ETag.');
  if (Array.isArray(ifMatch) || ifMatch.includes(',')) throw new ApiFailure('INVALID_PRECONDITION', 'Send one ETag in If-Match, the one the list was read with.');
  const tag = ifMatch.trim();
  if (tag === '*') throw new ApiFailure('INVALID_PRECONDITION', 'If-Match: * is not accepted here. Send the ETag of the list as you read it.');
  if (tag.startsWith('W/')) return -1;
  const match = /^"(\d{1,15})"$/.exec(tag);
  if (!match?.[1]) throw new ApiFailure('INVALID_PRECONDITION', 'If-Match must be the ETag as the service sent it, for example "12" with the quotes.');
  return Number(match[1]);
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
