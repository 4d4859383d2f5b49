import { z } from 'zod';

const SID_PATTERN = /^S-1-(\d{1,15})((?:-\d{1,10}){1,15})$/;

/**
 * A SID in its string form, checked as Windows would: revision 1, at most 15 sub-authorities,
 * each below 2^32, the authority below 2^48.
 *
 * The service re-checks what the console sends: a pattern alone would let `S-1-99999999999`
 * through, which no directory can hold.
 */
export const SidSchema = z
  .string()
  .max(184)
  .transform((text) => text.toUpperCase())
  .refine(isSid, { message: 'Not a SID. A SID looks like S-1-5-21-1004336348-1177238915-682003330-512.' });

function isSid(text: string): boolean {
  const match = SID_PATTERN.exec(text);
  if (!match?.[1] || !match[2]) return false;
  if (Number(match[1]) > 0xffff_ffff_ffff) return false;
  return match[2]
    .slice(1)
    .split('-')
    .every((part) => Number(part) <= 0xffff_ffff);
}
