import fc from 'fast-check';
import { EqualityFilter, FilterParser } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { escapeFilterValue } from './filter-escape.ts';

const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('*', '(', ')', '\\', '\u0000', '=', '&', '|', '!', 'a', ' ', 'é', '😀') }),
  fc.constantFrom('*)(uid=*', '*)(|(objectClass=*)', 'admin)(&', '\\2a', '*', '(', ')', '\\', 'a\u0000b', ' ', 'Zoë'),
);

describe('escapeFilterValue', () => {
  it('escapes the five characters RFC 4515 reserves', () => {
    expect(escapeFilterValue('a*b(c)d\\e\u0000f')).toEqual('a\\2ab\\28c\\29d\\5ce\\00f');
  });

  it('keeps non-ASCII letters as UTF-8 text', () => {
    expect(escapeFilterValue('Zoë Ångström')).toEqual('Zoë Ångström');
  });

  it('refuses a lone surrogate instead of mangling it', () => {
    expect(() => escapeFilterValue('a\uD800b')).toThrow(/surrogate/);
  });

  it('yields a filter that parses to one equality assertion on exactly the input, for any input', () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        const parsed = FilterParser.parseString(`(cn=${escapeFilterValue(value)})`);
        expect(parsed).toEqual(new EqualityFilter({ attribute: 'cn', value }));
      }),
      { numRuns: 2000 },
    );
  });

  it('never matches a value other than its literal self', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (value, other) => {
        const parsed = FilterParser.parseString(`(cn=${escapeFilterValue(value)})`);
        expect(parsed.matches({ cn: other }, true)).toEqual(value === other);
      }),
      { numRuns: 2000 },
    );
  });
});
