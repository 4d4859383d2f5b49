import type { z } from 'zod';

/** Why a character is refused, in the words the message uses. */
export type HiddenCharacterKind = 'control' | 'line-break' | 'direction' | 'invisible' | 'lone-surrogate';

/**
 * The first character of a typed text that must not reach a list an admin reviews.
 *
 * `position` counts Unicode code points from 1, not UTF-16 units: an emoji or another
 * character outside the Basic Multilingual Plane is one character, as an admin counts it,
 * and so is a lone surrogate; a combining accent typed apart from its letter counts as one
 * of its own. `code` is the `U+XXXX` form.
 */
export type HiddenCharacter = {
  readonly position: number;
  readonly codePoint: number;
  readonly code: string;
  readonly name: string;
  readonly kind: HiddenCharacterKind;
};

const NAMED: ReadonlyMap<number, readonly [string, HiddenCharacterKind]> = new Map([
  [0x00, ['null', 'control']],
  [0x09, ['character tabulation', 'control']],
  [0x0a, ['line feed', 'line-break']],
  [0x0b, ['line tabulation', 'line-break']],
  [0x0c, ['form feed', 'line-break']],
  [0x0d, ['carriage return', 'line-break']],
  [0x1b, ['escape', 'control']],
  [0x7f, ['delete', 'control']],
  [0x85, ['next line', 'line-break']],
  [0x061c, ['arabic letter mark', 'direction']],
  [0x180e, ['mongolian vowel separator', 'invisible']],
  [0x200b, ['zero width space', 'invisible']],
  [0x200c, ['zero width non-joiner', 'invisible']],
  [0x200d, ['zero width joiner', 'invisible']],
  [0x200e, ['left-to-right mark', 'direction']],
  [0x200f, ['right-to-left mark', 'direction']],
  [0x2028, ['line separator', 'line-break']],
  [0x2029, ['paragraph separator', 'line-break']],
  [0x202a, ['left-to-right embedding', 'direction']],
  [0x202b, ['right-to-left embedding', 'direction']],
  [0x202c, ['pop directional formatting', 'direction']],
  [0x202d, ['left-to-right override', 'direction']],
  [0x202e, ['right-to-left override', 'direction']],
  [0x2060, ['word joiner', 'invisible']],
  [0x2061, ['function application', 'invisible']],
  [0x2062, ['invisible times', 'invisible']],
  [0x2063, ['invisible separator', 'invisible']],
  [0x2064, ['invisible plus', 'invisible']],
  [0x2066, ['left-to-right isolate', 'direction']],
  [0x2067, ['right-to-left isolate', 'direction']],
  [0x2068, ['first strong isolate', 'direction']],
  [0x2069, ['pop directional isolate', 'direction']],
  [0x206a, ['inhibit symmetric swapping', 'invisible']],
  [0x206b, ['activate symmetric swapping', 'invisible']],
  [0x206c, ['inhibit arabic form shaping', 'invisible']],
  [0x206d, ['activate arabic form shaping', 'invisible']],
  [0x206e, ['national digit shapes', 'invisible']],
  [0x206f, ['nominal digit shapes', 'invisible']],
  [0xfeff, ['byte order mark', 'invisible']],
  [0x00ad, ['soft hyphen', 'invisible']],
  [0x034f, ['combining grapheme joiner', 'invisible']],
  [0x115f, ['hangul choseong filler', 'invisible']],
  [0x1160, ['hangul jungseong filler', 'invisible']],
  [0x3164, ['hangul filler', 'invisible']],
  [0xffa0, ['halfwidth hangul filler', 'invisible']],
]);

// Everything else Unicode says renders as nothing (variation selectors, tag characters, other
// format characters such as U+FFF9–U+FFFB): refused under a generic name.
const OTHER_INVISIBLE = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;

const REASONS: Readonly<Record<HiddenCharacterKind, string>> = {
  control: 'is a control character',
  'line-break': 'breaks the line',
  direction: 'changes the reading direction',
  invisible: 'is invisible',
  'lone-surrogate': 'is half of a character pair',
};

/**
 * Find the first character a typed name must not hold, or `undefined` when there is none.
 *
 * Refused: C0 and C1 controls, line and paragraph separators, the bidirectional marks,
 * embeddings, overrides and isolates (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069),
 * the invisible ones (U+180E, U+200B–U+200D, U+2060–U+2064, U+206A–U+206F, U+FEFF, the soft
 * hyphen, Hangul fillers, variation selectors, tag characters, and every other format or
 * default-ignorable character) and lone surrogates. Each makes a name look like another in a list an admin reviews, or forges a
 * line in a log; none belongs in an account or group name. One home, so the console, the
 * command line, the service and the directory layer refuse exactly the same characters.
 */
export function findHiddenCharacter(text: string): HiddenCharacter | undefined {
  let position = 0;
  for (const character of text) {
    position += 1;
    const codePoint = character.codePointAt(0) ?? 0;
    const found = classify(codePoint);
    if (found) return { position, codePoint, code: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`, name: found[0], kind: found[1] };
  }
  return undefined;
}

function classify(codePoint: number): readonly [string, HiddenCharacterKind] | undefined {
  const named = NAMED.get(codePoint);
  if (named) return named;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return ['control character', 'control'];
  // Iterating a string yields a surrogate on its own only when its partner is missing.
  if (codePoint >= 0xd800 && codePoint <= 0xdbff) return ['lone high surrogate', 'lone-surrogate'];
  if (codePoint >= 0xdc00 && codePoint <= 0xdfff) return ['lone low surrogate', 'lone-surrogate'];
  if (codePoint >= 0xfe00 && codePoint <= 0xfe0f) return ['variation selector', 'invisible'];
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) return ['tag character', 'invisible'];
  if (OTHER_INVISIBLE.test(String.fromCodePoint(codePoint))) return ['invisible formatting character', 'invisible'];
  return undefined;
}

/**
 * Say which character is wrong, where, and what to do: "Character 5 is U+200B (zero width
 * space), which is invisible: retype the name without it."
 *
 * `subject` is what the admin retypes ("the name", "the search text").
 */
export function describeHiddenCharacter(found: HiddenCharacter, subject = 'the name'): string {
  return `Character ${String(found.position)} is ${found.code} (${found.name}), which ${REASONS[found.kind]}: retype ${subject} without it.`;
}

/** The refusal message for `text`, or `undefined` when it holds no hidden character. */
export function hiddenCharacterMessage(text: string, subject = 'the name'): string | undefined {
  const found = findHiddenCharacter(text);
  return found ? describeHiddenCharacter(found, subject) : undefined;
}

/**
 * A zod refinement that refuses hidden characters with the position in the message.
 *
 * Use it as `z.string().max(256).superRefine(refuseHiddenCharacters())`, so every door
 * (IPC contract, HTTP API, list files) gives the same message.
 */
export function refuseHiddenCharacters(subject = 'the name'): (text: string, context: z.RefinementCtx<string>) => void {
  return (text, context) => {
    const message = hiddenCharacterMessage(text, subject);
    if (message !== undefined) context.addIssue({ code: 'custom', message, input: text });
  };
}
