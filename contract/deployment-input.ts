import { z } from 'zod';
import { refuseHiddenCharacters } from './hidden-characters.ts';

/**
 * A line the admin typed into a deployment field (a URL, a file path), as the door lets it in.
 *
 * The core checks the meaning (scheme, host, port, userinfo, quotes, look-alike letters) and
 * says what to type instead; the door only keeps out what no such field can carry: line
 * breaks, control, invisible and bidi characters (named with their position) and megabytes,
 * so a hostile payload never reaches a parser.
 */
export function typedLine(max: number) {
  return z.string().trim().min(1).max(max).superRefine(refuseHiddenCharacters('the value'));
}
