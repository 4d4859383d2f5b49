import { z } from 'zod';

/** Control characters and the bidirectional overrides that make text read other than it is. */
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * A line the admin typed into a deployment field (a URL, a file path), as the door lets it in.
 *
 * The core checks the meaning (scheme, host, port, userinfo, quotes, look-alike letters) and
 * says what to type instead; the door only keeps out what no such field can carry: line
 * breaks, control characters, bidi overrides and megabytes, so a hostile payload never
 * reaches a parser.
 */
export function typedLine(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !HIDDEN_CHARACTERS.test(text), { message: 'Type it on one line, without control characters.' });
}
