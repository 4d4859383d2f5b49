import { describe, expect, it } from 'vitest';
import { blockedUntilAfter, throttleKeyOf } from './sign-in-throttle.ts';

describe('sign-in-throttle', () => {
  const at = new Date('2026-11-22T10:00:00.000Z');
  const waitAfter = (failures: number) => {
    const until = blockedUntilAfter(failures, at);
    return until === null ? null : (until.getTime() - at.getTime()) / 1000;
  };

  it('lets four failures pass, then doubles the wait from 30 s up to 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 10, 11, 50].map(waitAfter)).toEqual([null, null, 30, 60, 120, 900, 900, 900]);
  });

  it('counts one account however its name is cased or padded', () => {
    expect(throttleKeyOf('  Alice@Corp.Contoso.TEST ')).toBe(throttleKeyOf('alice@corp.contoso.test'));
  });
});
