/**
 * The list versions a conditional change accepts.
 *
 * `'any'` is `If-Match: *` (the list always exists, so any current version matches); a
 * list holds the versions named by the header's strong, numeric tags — possibly none, when
 * every tag is weak or names no version this service ever issued, and then nothing matches.
 * A single number is the common case of one tag.
 */
export type ExpectedVersion = number | 'any' | readonly number[];

/** Whether a list at `current` satisfies the precondition. */
export function versionMatches(expected: ExpectedVersion, current: number): boolean {
  if (expected === 'any') return true;
  return typeof expected === 'number' ? expected === current : expected.includes(current);
}
