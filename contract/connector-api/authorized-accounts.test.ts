import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameWithHiddenCharacter, visibleText } from '../testing/hidden-text.ts';
import { NewAuthorizedAccountSchema, ReplaceAuthorizedAccountsSchema } from './authorized-accounts.ts';

const SID = 'S-1-5-21-1004336348-1177238915-682003330-1105';

describe('authorized-accounts', () => {
  it('refuses any name with a hidden character, naming it and its position first', () => {
    fc.assert(
      fc.property(nameWithHiddenCharacter, fc.constantFrom('exchange', 'sharepoint', 'fci'), ({ text, position, code }, role) => {
        const result = NewAuthorizedAccountSchema.safeParse({ sid: SID, name: text, role });
        expect([
          result.success,
          result.error?.issues[0]?.path,
          result.error?.issues[0]?.message.startsWith(`Character ${String(position)} is ${code} (`),
        ]).toEqual([false, ['name'], true]);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a hidden character in any entry of an import', () => {
    fc.assert(
      fc.property(fc.array(visibleText, { maxLength: 5 }), nameWithHiddenCharacter, (names, hidden) => {
        const entries = [...names, hidden.text].map((name) => ({ sid: SID, name, role: 'fci' }));
        const result = ReplaceAuthorizedAccountsSchema.safeParse({ entries });
        expect(result.error?.issues[0]?.path).toEqual(['entries', names.length, 'name']);
      }),
    );
  });

  it('accepts names of letters, marks, emoji and the punctuation of names', () => {
    fc.assert(
      fc.property(visibleText, (name) => {
        expect(NewAuthorizedAccountSchema.safeParse({ sid: SID, name, role: 'exchange' }).success).toBe(true);
      }),
    );
  });
});
