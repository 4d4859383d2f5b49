import { z } from 'zod';
import { refuseHiddenCharacters } from '../hidden-characters.ts';

/**
 * Text an admin reads back (names): 1–`max` characters, no control, invisible or bidi character.
 *
 * Such characters make one name look like another in a list an admin reviews, or forge a
 * line in a log; the refusal names the character and its position (see
 * {@link refuseHiddenCharacters}).
 */
export function displayText(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .superRefine(refuseHiddenCharacters())
    .refine((text) => text.trim() === text, { message: 'Leading or trailing spaces are not allowed.' });
}
