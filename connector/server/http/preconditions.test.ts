import { describe, expect, it } from 'vitest';
import { ApiFailure } from './api-failure.ts';
import { expectedVersionOf } from './if-match.ts';
import { etagOf, fingerprintOf, idempotencyKeyOf } from './preconditions.ts';

const codeOf = (work: () => unknown): string | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof ApiFailure ? error.code : 'not an ApiFailure';
  }
};

describe('preconditions', () => {
  it('round-trips a version through its strong ETag', () => {
    expect(expectedVersionOf(etagOf(42))).toEqual([42]);
  });

  it.each([
    ['*', 'any'],
    [' * ', 'any'],
    ['"6", "999"', [6, 999]],
    ['"6","7"', [6, 7]],
    [
      ['"1"', '"2"'],
      [1, 2],
    ],
    ['"abc"', []],
    ['""', []],
    ['"9999999999999999"', []],
    ['"1e3"', []],
    ['W/"3"', []],
    ['W/"3", "4"', [4]],
    ['"a,b", "5"', [5]],
    [', "5" ,, ', [5]],
    ['"\xe9t\xe9"', []],
    ['"01"', []],
    ['"0"', [0]],
  ])('reads If-Match %j as %j (RFC 9110 §13.1.1)', (header, expected) => {
    expect(expectedVersionOf(header)).toEqual(expected);
  });

  it.each([
    [undefined, 'PRECONDITION_REQUIRED'],
    ['1', 'INVALID_PRECONDITION'],
    ['', 'INVALID_PRECONDITION'],
    ['"1" "2"', 'INVALID_PRECONDITION'],
    ['"1', 'INVALID_PRECONDITION'],
    ['*, "1"', 'INVALID_PRECONDITION'],
    ['\xa0*', 'INVALID_PRECONDITION'],
    ['w/"1"', 'INVALID_PRECONDITION'],
    ['"a b"', 'INVALID_PRECONDITION'],
    [Array.from({ length: 101 }, (_, index) => `"${String(index)}"`).join(','), 'INVALID_PRECONDITION'],
  ])('refuses If-Match %j with %s', (header, code) => {
    expect(codeOf(() => expectedVersionOf(header))).toBe(code);
  });

  it.each([
    ['"8e03978e-40d5-43e8-bc93-6894a57f9324"', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['plain-token-123', 'plain-token-123'],
    [undefined, undefined],
  ])('reads Idempotency-Key %j', (header, key) => {
    expect(idempotencyKeyOf(header)).toBe(key);
  });

  it.each(['short', '"has"quote"', 'with space inside', 'ümlaut-key-1234', 'x'.repeat(256), 'line\nbreak-12345'])('refuses Idempotency-Key %j', (header) => {
    expect(codeOf(() => idempotencyKeyOf(header))).toBe('INVALID_IDEMPOTENCY_KEY');
  });

  it('fingerprints equal requests equally and different ones differently', () => {
    const body = { sid: 'S-1-5-21-1-2-3-4', name: 'x', role: 'fci' };
    expect([
      fingerprintOf('add', body) === fingerprintOf('add', { ...body }),
      fingerprintOf('add', body) === fingerprintOf('add', { ...body, role: 'exchange' }),
    ]).toEqual([true, false]);
  });
});
