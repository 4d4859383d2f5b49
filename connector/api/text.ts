import { z } from 'zod';

// C0/C1 controls, line and paragraph separators, bidi overrides: invisible or misleading in a
// list an admin reviews, and a way to forge lines in logs.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** Text an admin reads back (names): 1–`max` characters, no control or bidi-override characters. */
export function displayText(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((text) => !CONTROL_CHARACTERS.test(text), { message: 'Control characters (line breaks, tabs, bidi overrides) are not allowed.' })
    .refine((text) => text.trim() === text, { message: 'Leading or trailing spaces are not allowed.' });
}
