import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeDnValue, formatDn, parseDn } from './dn.ts';

const dnText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1 }),
  fc.string({ unit: fc.constantFrom(',', '+', '"', '\\', '<', '>', ';', '=', '#', ' ', '\u0000', 'a', 'ö'), minLength: 1 }),
);

describe('escapeDnValue', () => {
  it.each([
    ['Smith, John (Ops)', 'Smith\\, John (Ops)'],
    [' Leading Space', '\\ Leading Space'],
    ['Trailing ', 'Trailing\\ '],
    ['#Hash Lead', '\\#Hash Lead'],
    ['Plus+Semi;colon', 'Plus\\+Semi\\;colon'],
    ['Quote"Less<More>', 'Quote\\"Less\\<More\\>'],
    ['Back\\Slash', 'Back\\\\Slash'],
    ['Equals=Sign', 'Equals\\=Sign'],
    ['nul\u0000', 'nul\\00'],
  ])('escapes %j as %j', (value, expected) => {
    expect(escapeDnValue(value)).toEqual(expected);
  });

  it('round-trips through parseDn as exactly one RDN with the same value, for any value', () => {
    fc.assert(
      fc.property(dnText, dnText, (value, parent) => {
        const dn = formatDn([
          { type: 'CN', value },
          { type: 'OU', value: parent },
          { type: 'DC', value: 'test' },
        ]);
        expect(parseDn(dn)).toEqual([
          { type: 'CN', value },
          { type: 'OU', value: parent },
          { type: 'DC', value: 'test' },
        ]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseDn', () => {
  it('reads hex escapes as UTF-8 bytes', () => {
    expect(parseDn('CN=Lu\\C4\\8Di\\C4\\87,DC=test')).toEqual([
      { type: 'CN', value: 'Lučić' },
      { type: 'DC', value: 'test' },
    ]);
  });

  it.each(['', 'not a dn', 'CN=a+OU=b,DC=x', 'CN=,DC=x', 'CN=a,', 'CN=a\\zz', 'CN=a"b', 'CN=\\C4,DC=x', '=a'])('refuses %j', (text) => {
    expect(parseDn(text)).toBeUndefined();
  });
});
