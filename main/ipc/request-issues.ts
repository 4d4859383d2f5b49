import type { z } from 'zod';

const MAX_ISSUES = 5;
const MAX_TEXT = 120;
// Control characters and bidirectional overrides would let a hostile key rewrite how the
// message reads on screen or in a log.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * Say in plain words what is wrong with a request, without echoing what was sent.
 *
 * Zod's messages name the expected shape, never the value, so a password never comes back;
 * the only echoed text is a field path or an unexpected key, and those are shortened and
 * stripped of control and bidi characters. At most five issues are listed.
 */
export function describeRequestIssues(issues: readonly z.core.$ZodIssue[]): string {
  const described = issues.slice(0, MAX_ISSUES).map((issue) => `${pathOf(issue.path)}: ${printable(issue.message)}`);
  const more = issues.length > MAX_ISSUES ? ` (and ${String(issues.length - MAX_ISSUES)} more)` : '';
  return `The request was refused before anything ran. ${described.join('; ')}${more}.`;
}

function pathOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the request';
  return printable(
    path
      .map((segment) => (typeof segment === 'number' ? `[${String(segment)}]` : String(segment)))
      .join('.')
      .replaceAll('.[', '['),
  );
}

/**
 * Shorten and neutralise text taken from a request before it goes into a message.
 *
 * Such text is the caller's: it may be a megabyte long or hold characters that reorder a line.
 */
export function printable(text: string): string {
  const cleaned = text.replace(UNPRINTABLE, '?');
  return cleaned.length > MAX_TEXT ? `${cleaned.slice(0, MAX_TEXT)}… (${String(cleaned.length)} characters)` : cleaned;
}
