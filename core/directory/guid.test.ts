import { describe, expect, it } from 'vitest';
import { guidFromBuffer, guidToBuffer, parseGuid } from './guid.ts';

describe('guid', () => {
  it('reads AD byte order (first three fields little-endian)', () => {
    const bytes = Buffer.from('33221100554477668899aabbccddeeff', 'hex');
    expect(guidFromBuffer(bytes)).toEqual('00112233-4455-6677-8899-aabbccddeeff');
  });

  it('round-trips through the binary form', () => {
    expect(guidFromBuffer(guidToBuffer('{00112233-4455-6677-8899-AABBCCDDEEFF}'))).toEqual('00112233-4455-6677-8899-aabbccddeeff');
  });

  it('accepts only whole GUIDs', () => {
    expect([parseGuid('00112233-4455-6677-8899-aabbccddeeff'), parseGuid('0011-2233'), parseGuid('*')]).toEqual([
      '00112233-4455-6677-8899-aabbccddeeff',
      undefined,
      undefined,
    ]);
  });
});
