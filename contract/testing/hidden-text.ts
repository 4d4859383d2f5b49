import fc from 'fast-check';

/** Characters an admin sees as one and that no refusal may catch: letters, marks, emoji, punctuation of real names. */
const VISIBLE_UNITS = ['a', 'Z', '7', ' ', '\\', "'", '-', '.', '@', '$', 'ü', 'Ł', 'ß', '张', '伟', 'é', '😀', '𝔸', '\u0301', '\u0308', 'Ω', 'ن'];

/** Text made only of {@link VISIBLE_UNITS}, never empty and without outer spaces. */
export const visibleText = fc
  .array(fc.constantFrom(...VISIBLE_UNITS), { minLength: 1, maxLength: 20 })
  .map((units) => units.join('').trim())
  .filter((text) => text !== '');

/** One code point the hidden-character rule refuses, lone surrogates included. */
export const hiddenCodePoint = fc.oneof(
  fc.integer({ min: 0x00, max: 0x1f }),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.constantFrom(0x061c, 0x180e, 0xfeff),
  fc.integer({ min: 0x200b, max: 0x200f }),
  fc.integer({ min: 0x2028, max: 0x202e }),
  fc.integer({ min: 0x2060, max: 0x2064 }),
  fc.integer({ min: 0x2066, max: 0x206f }),
  fc.integer({ min: 0xd800, max: 0xdfff }),
);

/** A visible name with one hidden character injected, and where an admin would count it (from 1, in code points). */
export type NameWithHiddenCharacter = { readonly text: string; readonly position: number; readonly code: string };

/** {@link NameWithHiddenCharacter}s: the hidden character anywhere, first, last or between visible text. */
export const nameWithHiddenCharacter: fc.Arbitrary<NameWithHiddenCharacter> = fc
  .tuple(fc.option(visibleText, { nil: '' }), hiddenCodePoint, fc.option(visibleText, { nil: '' }))
  .map(([before, codePoint, after]) => ({
    // Visible text holds whole code points only, so an injected surrogate can never pair up.
    text: `${before}${String.fromCodePoint(codePoint)}${after}`,
    position: [...before].length + 1,
    code: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`,
  }));
