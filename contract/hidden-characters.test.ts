import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeHiddenCharacter, findHiddenCharacter, hiddenCharacterMessage, refuseHiddenCharacters } from './hidden-characters.ts';
import { nameWithHiddenCharacter, visibleText } from './testing/hidden-text.ts';

const found = (text: string) => {
  const hidden = findHiddenCharacter(text);
  return hidden && [hidden.position, hidden.code, hidden.name, hidden.kind];
};

describe('hidden-characters', () => {
  it.each([
    ['a NUL', 'a\u0000b', [2, 'U+0000', 'null', 'control']],
    ['a tab', 'a\tb', [2, 'U+0009', 'character tabulation', 'control']],
    ['a line feed', 'ab\n', [3, 'U+000A', 'line feed', 'line-break']],
    ['another C0 control', '\u0001x', [1, 'U+0001', 'control character', 'control']],
    ['DEL', 'x\u007f', [2, 'U+007F', 'delete', 'control']],
    ['a C1 control', 'x\u009b', [2, 'U+009B', 'control character', 'control']],
    ['next line (C1)', 'x\u0085', [2, 'U+0085', 'next line', 'line-break']],
    ['a zero width space', 'Exch\u200Bange', [5, 'U+200B', 'zero width space', 'invisible']],
    ['a zero width non-joiner', 'a\u200Cb', [2, 'U+200C', 'zero width non-joiner', 'invisible']],
    ['a zero width joiner', 'a\u200Db', [2, 'U+200D', 'zero width joiner', 'invisible']],
    ['a left-to-right mark', 'a\u200Eb', [2, 'U+200E', 'left-to-right mark', 'direction']],
    ['a right-to-left mark', 'a\u200Fb', [2, 'U+200F', 'right-to-left mark', 'direction']],
    ['a line separator', 'a\u2028b', [2, 'U+2028', 'line separator', 'line-break']],
    ['a paragraph separator', 'a\u2029b', [2, 'U+2029', 'paragraph separator', 'line-break']],
    ['a right-to-left override', 'abc\u202Egnp.exe', [4, 'U+202E', 'right-to-left override', 'direction']],
    ['a left-to-right embedding', '\u202Aabc', [1, 'U+202A', 'left-to-right embedding', 'direction']],
    ['a word joiner', 'a\u2060b', [2, 'U+2060', 'word joiner', 'invisible']],
    ['an invisible plus', 'a\u2064b', [2, 'U+2064', 'invisible plus', 'invisible']],
    ['a first strong isolate', 'a\u2068b', [2, 'U+2068', 'first strong isolate', 'direction']],
    ['a pop directional isolate', 'a\u2069', [2, 'U+2069', 'pop directional isolate', 'direction']],
    ['a deprecated format character', 'a\u206Fb', [2, 'U+206F', 'nominal digit shapes', 'invisible']],
    ['an Arabic letter mark', 'ن\u061Cب', [2, 'U+061C', 'arabic letter mark', 'direction']],
    ['a Mongolian vowel separator', 'a\u180Eb', [2, 'U+180E', 'mongolian vowel separator', 'invisible']],
    ['a byte order mark', '\uFEFFCORP\\alice', [1, 'U+FEFF', 'byte order mark', 'invisible']],
    ['a lone high surrogate', 'ab\uD83D', [3, 'U+D83D', 'lone high surrogate', 'lone-surrogate']],
    ['a lone low surrogate', '\uDE00ab', [1, 'U+DE00', 'lone low surrogate', 'lone-surrogate']],
    ['a soft hyphen', 'exch\u00ADange', [5, 'U+00AD', 'soft hyphen', 'invisible']],
    ['a combining grapheme joiner', 'a\u034Fb', [2, 'U+034F', 'combining grapheme joiner', 'invisible']],
    ['a Hangul filler', 'a\u3164', [2, 'U+3164', 'hangul filler', 'invisible']],
    ['a halfwidth Hangul filler', '\uFFA0a', [1, 'U+FFA0', 'halfwidth hangul filler', 'invisible']],
    ['a variation selector', 'a\uFE0Fb', [2, 'U+FE0F', 'variation selector', 'invisible']],
    ['a tag character', 'a\u{E0041}b', [2, 'U+E0041', 'tag character', 'invisible']],
    ['an interlinear annotation anchor', 'a\uFFF9b', [2, 'U+FFF9', 'invisible formatting character', 'invisible']],
    ['an Arabic number sign', '\u0600ab', [1, 'U+0600', 'invisible formatting character', 'invisible']],
    ['a high surrogate followed by another high surrogate', '\uD83D\uD83D\uDE00', [1, 'U+D83D', 'lone high surrogate', 'lone-surrogate']],
  ])('finds %s, with its position, code, name and kind', (_label, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('counts an emoji or another astral character before it as one character', () => {
    expect([found('😀😀\u200Bx'), found('𝔸\u202Ex'), found('😀\uDE00')]).toEqual([
      [3, 'U+200B', 'zero width space', 'invisible'],
      [2, 'U+202E', 'right-to-left override', 'direction'],
      [2, 'U+DE00', 'lone low surrogate', 'lone-surrogate'],
    ]);
  });

  it('counts a combining mark as a character of its own', () => {
    expect(found('Mu\u0308ller\u200B')).toEqual([8, 'U+200B', 'zero width space', 'invisible']);
  });

  it('reports only the first of several hidden characters', () => {
    expect(found('a\u200Fb\u202Ec')).toEqual([2, 'U+200F', 'right-to-left mark', 'direction']);
  });

  it.each([
    'CORP\\Exchange Servers',
    'Müller',
    'Mu\u0308ller',
    '张伟',
    "O'Brien",
    'SP-FARM01$',
    'svc-sp@corp.contoso.com',
    'CN=Exchange Servers,OU=Microsoft Exchange Security Groups,DC=corp,DC=contoso,DC=com',
    'محمد',
    'שרה',
    'Zoë 😀',
    'S-1-5-21-1004336348-1177238915-682003330-512',
    '',
  ])('allows %j', (text) => {
    expect(findHiddenCharacter(text)).toBeUndefined();
  });

  it('says which character, where, why and what to do', () => {
    expect([hiddenCharacterMessage('Exch\u200Bange'), hiddenCharacterMessage('a\u202Eb', 'the search text'), hiddenCharacterMessage('a\uD800')]).toEqual([
      'Character 5 is U+200B (zero width space), which is invisible: retype the name without it.',
      'Character 2 is U+202E (right-to-left override), which changes the reading direction: retype the search text without it.',
      'Character 2 is U+D800 (lone high surrogate), which is half of a character pair: retype the name without it.',
    ]);
  });

  it('finds any injected hidden character at the position an admin counts', () => {
    fc.assert(
      fc.property(nameWithHiddenCharacter, ({ text, position, code }) => {
        const hidden = findHiddenCharacter(text);
        expect([hidden?.position, hidden?.code]).toEqual([position, code]);
        expect(hidden ? describeHiddenCharacter(hidden) : 'not found').toContain(`Character ${String(position)} is ${code} (`);
      }),
      { numRuns: 2000 },
    );
  });

  it('never refuses text made of letters, marks, emoji and the punctuation of names', () => {
    fc.assert(
      fc.property(visibleText, (text) => {
        expect(findHiddenCharacter(text)).toBeUndefined();
      }),
    );
  });

  it('refuses through a zod schema with the message as the issue', () => {
    const schema = z.object({ name: z.string().max(64).superRefine(refuseHiddenCharacters()) });
    const result = schema.safeParse({ name: 'a\u2060b' });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['name'], 'Character 2 is U+2060 (word joiner), which is invisible: retype the name without it.'],
    ]);
  });
});
