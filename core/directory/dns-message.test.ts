import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDnsResponse, DNS_TYPE, encodeDnsQuery } from './dns-message.ts';
import { parseServer } from './dns-resolver.ts';

/** An SRV answer as Samba sends it: the target `dc1` + a pointer to `corp.contoso.test` in the question. */
function sambaStyleSrvAnswer(id: number): Buffer {
  const query = encodeDnsQuery(id, '_ldap._tcp.dc._msdcs.corp.contoso.test', DNS_TYPE.SRV);
  query.writeUInt16BE(0x8580, 2);
  query.writeUInt16BE(1, 6);
  const corpOffset = 12 + query.subarray(12).indexOf(Buffer.from('\u0004corp', 'latin1'));
  const target = Buffer.concat([Buffer.from([3]), Buffer.from('dc1'), Buffer.from([0xc0 | (corpOffset >> 8), corpOffset & 0xff])]);
  const rdata = Buffer.concat([Buffer.from([0, 0, 0, 100, 1, 0x85]), target]);
  const record = Buffer.alloc(10);
  record.writeUInt16BE(DNS_TYPE.SRV, 0);
  record.writeUInt16BE(1, 2);
  record.writeUInt32BE(900, 4);
  record.writeUInt16BE(rdata.length, 8);
  return Buffer.concat([query, Buffer.from([0xc0, 0x0c]), record, rdata]);
}

describe('decodeDnsResponse', () => {
  it('expands a compressed SRV target', () => {
    expect(decodeDnsResponse(sambaStyleSrvAnswer(7), 7)).toEqual([
      { type: DNS_TYPE.SRV, srv: { priority: 0, weight: 100, port: 389, name: 'dc1.corp.contoso.test' } },
    ]);
  });

  it('refuses an answer to another query', () => {
    expect(() => decodeDnsResponse(sambaStyleSrvAnswer(7), 8)).toThrow(/does not match/);
  });

  it('refuses a pointer loop', () => {
    const looping = sambaStyleSrvAnswer(9);
    const answerStart = looping.indexOf(Buffer.from([0xc0, 0x0c]), 12);
    looping.writeUInt16BE(0xc000 | answerStart, answerStart);
    expect(() => decodeDnsResponse(looping, 9)).toThrow(/compression pointers/);
  });

  it('never crashes on arbitrary bytes: it returns answers or throws a RangeError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const message = Buffer.from(bytes);
        if (message.length >= 2) message.writeUInt16BE(1, 0);
        try {
          expect(Array.isArray(decodeDnsResponse(message, 1))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('encodeDnsQuery', () => {
  it.each(['a..b', 'x'.repeat(64), 'bad name.test'])('refuses %j', (name) => {
    expect(() => encodeDnsQuery(1, name, DNS_TYPE.A)).toThrow(RangeError);
  });
});

describe('parseServer', () => {
  it.each([
    ['10.0.0.1', { host: '10.0.0.1', port: 53 }],
    ['127.0.0.1:5353', { host: '127.0.0.1', port: 5353 }],
    ['[::1]:53', { host: '::1', port: 53 }],
    ['::1', { host: '::1', port: 53 }],
  ])('reads %s', (text, expected) => {
    expect(parseServer(text)).toEqual(expected);
  });
});
