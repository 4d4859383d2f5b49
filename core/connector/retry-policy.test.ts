import { describe, expect, it } from 'vitest';
import { isSafeToRetry, parseRetryAfter, retryDelayMs } from './retry-policy.ts';

describe('retry-policy', () => {
  it('allows a retry only when the request is a GET or a POST with an Idempotency-Key', () => {
    const cases = [
      ['GET', undefined],
      ['POST', 'key'],
      ['POST', undefined],
      ['PUT', 'key'],
      ['DELETE', 'key'],
    ] as const;
    expect(cases.map(([method, key]) => isSafeToRetry(method, key))).toEqual([true, true, false, false, false]);
  });

  it('reads Retry-After when it is seconds or an HTTP date, and ignores it otherwise', () => {
    const now = Date.parse('2025-01-02T03:04:05Z');
    expect(
      ['7', ' 0 ', 'Thu, 02 Jan 2025 03:04:09 GMT', 'Thu, 02 Jan 2025 03:00:00 GMT', 'soon', '-1', undefined].map((header) => parseRetryAfter(header, now)),
    ).toEqual([7, 0, 4, 0, undefined, undefined, undefined]);
  });

  it('caps Retry-After at 10 s and backs off exponentially with jitter when there is none', () => {
    const delays = [
      retryDelayMs(0, 30),
      retryDelayMs(0, 2),
      retryDelayMs(0, undefined, () => 0),
      retryDelayMs(0, undefined, () => 1),
      retryDelayMs(2, undefined, () => 0),
      retryDelayMs(2, undefined, () => 1),
    ];
    expect(delays).toEqual([10_000, 2_000, 100, 200, 400, 800]);
  });
});
