import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainSidOf, isSidString, ridOf, sidFromBuffer, sidToBuffer } from './sid.ts';

describe('sid', () => {
  it('decodes a binary domain SID', () => {
    const bytes = Buffer.from('010500000000000515000000a065cf7e784b9b5fe77c8770ba010000', 'hex');
    expect(sidFromBuffer(bytes)).toEqual('S-1-5-21-2127521184-1604012920-1887927527-442');
  });

  it('round-trips any valid SID through its binary form', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffff_ffff }), fc.array(fc.nat({ max: 0xffff_ffff }), { minLength: 1, maxLength: 15 }), (authority, parts) => {
        const sid = ['S-1', authority, ...parts].join('-');
        expect(sidFromBuffer(sidToBuffer(sid))).toEqual(sid);
      }),
    );
  });

  it.each(['S-1', 'S-1-5-', 'S-2-5-21', 'S-1-5-4294967296', 'S-1-5-x', `S-1-5${'-1'.repeat(16)}`])('rejects %j', (text) => {
    expect(isSidString(text)).toBe(false);
  });

  it('splits a domain SID into domain and RID', () => {
    expect([domainSidOf('S-1-5-21-1-2-3-513'), ridOf('S-1-5-21-1-2-3-513')]).toEqual(['S-1-5-21-1-2-3', 513]);
  });

  it('refuses a buffer whose length does not match its count', () => {
    expect(() => sidFromBuffer(Buffer.from('0105000000000005150000', 'hex'))).toThrow(RangeError);
  });
});
