import type { ExpectedVersion } from '../store/expected-version.ts';
import { ApiFailure } from './api-failure.ts';
import { entityTagsOf } from './if-match.ts';

const MALFORMED = 'If-None-Match must be * or entity tags as the service sent them, for example "12" with the quotes (several separated by commas).';
const MAX_TAGS = 100;

/**
 * Read an `If-None-Match` header as RFC 9110 §13.1.2 defines it for GET: the list versions for
 * which the client's copy is current (304), or undefined when it sent none.
 *
 * Weak comparison: `W/"7"` names version 7 as `"7"` does. `*` is any version (the list always
 * exists). Tags this service never issued match nothing, so the list is sent.
 */
export function notModifiedVersionsOf(ifNoneMatch: string | string[] | undefined): ExpectedVersion | undefined {
  if (ifNoneMatch === undefined) return undefined;
  const value = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(', ') : ifNoneMatch;
  if (value.replace(/^[ \t]+|[ \t]+$/g, '') === '*') return 'any';
  const tags = entityTagsOf(value, MALFORMED);
  if (tags.length === 0) throw new ApiFailure('INVALID_PRECONDITION', MALFORMED);
  if (tags.length > MAX_TAGS)
    throw new ApiFailure('INVALID_PRECONDITION', `If-None-Match names ${String(tags.length)} entity tags; send the ETag the list was read with.`);
  return tags.filter((tag) => /^(?:0|[1-9]\d{0,14})$/.test(tag.opaque)).map((tag) => Number(tag.opaque));
}
