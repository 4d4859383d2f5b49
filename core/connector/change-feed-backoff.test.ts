import { describe, expect, it } from 'vitest';
import { DEFAULT_FEED_TIMING, reconnectDelayMs } from './change-feed.ts';

describe('change-feed backoff', () => {
  it('doubles from 500 ms up to 15 s, each wait between half and all of its step', () => {
    const steps = [0, 1, 2, 3, 4, 5, 6, 10];
    expect({
      lowest: steps.map((attempt) => reconnectDelayMs(attempt, DEFAULT_FEED_TIMING, () => 0)),
      highest: steps.map((attempt) => reconnectDelayMs(attempt, DEFAULT_FEED_TIMING, () => 1)),
    }).toEqual({
      lowest: [250, 500, 1_000, 2_000, 4_000, 7_500, 7_500, 7_500],
      highest: [500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000],
    });
  });
});
