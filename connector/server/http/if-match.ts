import type { ExpectedVersion } from '../store/expected-version.ts';
import { ApiFailure } from './api-failure.ts';

const MISSING = "This change needs an If-Match header with the list's ETag. Read the list first (GET /v1/authorized-accounts) and send its ETag.";
const MALFORMED = 'If-Match must be * or entity tags as the service sent them, for example "12" with the quotes (several separated by commas).';
const MAX_TAGS = 100;

/**
 * Read an `If-Match` header as RFC 9110 §13.1.1 defines it.
 *
 * Only a header that is not `*` or a list of entity-tags at all is a 400; well-formed tags
 * that cannot match (weak ones, under the strong comparison; other strings; unknown numbers)
 * simply match nothing, so the change answers 412 with the current ETag. Commas may stand
 * inside a tag, so the list is tokenised, not split.
 */
export function expectedVersionOf(ifMatch: string | string[] | undefined, missing: string = MISSING): ExpectedVersion {
  if (ifMatch === undefined) throw new ApiFailure('PRECONDITION_REQUIRED', missing);
  const value = Array.isArray(ifMatch) ? ifMatch.join(', ') : ifMatch;
  // Only SP and HTAB are whitespace in a field value (OWS); NBSP is obs-text, not space.
  if (value.replace(/^[ \t]+|[ \t]+$/g, '') === '*') return 'any';
  const tags = entityTagsOf(value, MALFORMED);
  if (tags.length === 0) throw new ApiFailure('INVALID_PRECONDITION', MALFORMED);
  if (tags.length > MAX_TAGS)
    throw new ApiFailure('INVALID_PRECONDITION', `If-Match names ${String(tags.length)} entity tags; send the one ETag the list was read with.`);
  // Strong comparison is character for character: only the canonical form the service sends
  // ("7", never "07") can equal an ETag it issued.
  return tags.filter((tag) => !tag.weak && /^(?:0|[1-9]\d{0,14})$/.test(tag.opaque)).map((tag) => Number(tag.opaque));
}

/** One entity tag of a conditional header. */
export type EntityTag = { readonly weak: boolean; readonly opaque: string };

// etagc = %x21 / %x23-7E / obs-text (%x80-FF): Node hands header bytes over as latin1.
const ETAG_CHARACTER = /[\x21\x23-\x7e\x80-\xff]/;

/** The entity tags of a header value, tokenised; anything else is a 400 with `malformed` as its message. */
export function entityTagsOf(value: string, malformed: string): EntityTag[] {
  const tags: EntityTag[] = [];
  let at = 0;
  const skipSpaces = () => {
    while (value[at] === ' ' || value[at] === '\t') at += 1;
  };
  while (at < value.length) {
    skipSpaces();
    // Empty list elements (", ,") are allowed and ignored (RFC 9110 §5.6.1.2).
    if (value[at] === ',') {
      at += 1;
      continue;
    }
    if (at >= value.length) break;
    const weak = value.startsWith('W/', at);
    if (weak) at += 2;
    if (value[at] !== '"') throw new ApiFailure('INVALID_PRECONDITION', malformed);
    const close = value.indexOf('"', at + 1);
    if (close < 0) throw new ApiFailure('INVALID_PRECONDITION', malformed);
    const opaque = value.slice(at + 1, close);
    if (![...opaque].every((character) => ETAG_CHARACTER.test(character))) throw new ApiFailure('INVALID_PRECONDITION', malformed);
    tags.push({ weak, opaque });
    at = close + 1;
    skipSpaces();
    if (at < value.length && value[at] !== ',') throw new ApiFailure('INVALID_PRECONDITION', malformed);
  }
  return tags;
}
