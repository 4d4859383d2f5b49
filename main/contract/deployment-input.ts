import { z } from 'zod';

/** Whether text holds control characters or the bidirectional overrides that make it read other than it is. */
function hasHiddenCharacter(text: string): boolean {
  return [...text].some((character) => {
    const code = character.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
  });
}

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
    .refine((text) => !hasHiddenCharacter(text), { message: 'Type it on one line, without control characters.' });
}
