import { describe, expect, it } from 'vitest';
import { parseAuthorizedList } from './authorized-list-file.ts';

const entry = { sid: 'S-1-5-21-1-2-3-1139', name: 'CORP\\Exchange Servers', role: 'exchange' };

describe('parseAuthorizedList', () => {
  it('returns the entries when the file is a valid list with a byte-order mark', () => {
    expect(parseAuthorizedList(`\uFEFF${JSON.stringify([entry])}`, 'list.json')).toEqual([entry]);
  });

  it.each([
    ['text that is not JSON', '[{', /is not valid JSON/],
    ['an object instead of an array', '{}', /not a valid authorized list \(Invalid input: expected array/],
    ['an entry without a role', JSON.stringify([{ sid: entry.sid, name: entry.name }]), /entry 1, "role"/],
    ['a second entry with a malformed SID', JSON.stringify([entry, { ...entry, sid: 'S-1-5-21-x' }]), /entry 2, "sid": A SID looks like/],
    ['an entry with an extra field', JSON.stringify([{ ...entry, role: 'fci', owner: 'eve' }]), /entry 1: Unrecognized key: "owner"/],
    ['an empty name', JSON.stringify([{ ...entry, name: '' }]), /entry 1, "name"/],
    [
      'a name with a zero width space',
      JSON.stringify([entry, { ...entry, name: 'CORP\\Exchange\u200BServers' }]),
      /entry 2, "name": Character 14 is U\+200B \(zero width space\)/,
    ],
    ['10,001 entries', JSON.stringify(Array.from({ length: 10_001 }, () => entry)), /has 10,001 entries; a list holds at most 10,000/],
  ])('refuses %s with INVALID_INPUT and what to do', (_label, text, message) => {
    expect(() => parseAuthorizedList(text, 'list.json')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', exitCode: 2, message: expect.stringMatching(message) }),
    );
  });
});
