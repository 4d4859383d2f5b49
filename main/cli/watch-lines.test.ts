import { describe, expect, it } from 'vitest';
import type { ChangeEvent, FeedReloadEvent } from '../../contract/connector-api/index.ts';
import { changeLine, localTime, missedChanges, reloadLine, stateLine, visibleText } from './watch-lines.ts';

// Built from local parts, so the expectations hold in any time zone.
const AT = new Date(2026, 11, 6, 10, 42, 5);
const CHANGE: ChangeEvent = {
  sequence: 12,
  listVersion: 7,
  at: AT.toISOString(),
  actor: 'CORP\\bob',
  actorSid: null,
  source: '10.0.0.5',
  node: 'RMSCON02',
  correlationId: 'c0ffee',
  records: [{ action: 'authorized-account.add', target: 'CORP\\FS02$ (fci)', before: null, after: { name: 'CORP\\FS02$', role: 'fci' } }],
};
const RELOAD: FeedReloadEvent = { reason: 'REPLAY_WINDOW_EXCEEDED', message: 'Too many changes to replay.', sequence: 1_512, listVersion: 900 };

describe('watch-lines', () => {
  it('writes the local time with seconds, zero-padded', () => {
    expect(localTime(new Date(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 03:04:05');
  });

  it('says a change with its local time and list version', () => {
    expect(changeLine(CHANGE)).toBe('2026-12-06 10:42:05  CORP\\bob added CORP\\FS02$ as File server using FCI, through RMSCON02 (list version 7)');
  });

  it('shows control and direction characters from the service instead of letting the terminal act on them', () => {
    const hostile = { ...CHANGE, actor: 'CORP\\bob\u001b[2J', node: 'RMSCON\u202e20' };
    expect({ change: changeLine(hostile), text: visibleText('a\u0007b\u009bc\u2066d') }).toEqual({
      change: '2026-12-06 10:42:05  CORP\\bob\\u{1b}[2J added CORP\\FS02$ as File server using FCI, through RMSCON\\u{202e}20 (list version 7)',
      text: 'a\\u{7}b\\u{9b}c\\u{2066}d',
    });
  });

  it.each([
    ['from the last change seen', 12, 1_500],
    ['as unknown when nothing was seen', undefined, null],
    ['as unknown when the service is not ahead', 2_000, null],
  ])('counts missed changes %s', (_label, last, missed) => {
    expect(missedChanges(RELOAD, last)).toBe(missed);
  });

  it('says how many changes a reload skipped and what to run', () => {
    expect(reloadLine(RELOAD, 1_500, AT)).toBe(
      '2026-12-06 10:42:05  1500 changes were missed: Too many changes to replay. Run rms-connector-admin servers list to see the list as it is now (list version 900).',
    );
  });

  it.each([
    ['nothing while connecting', { status: 'connecting' as const }, false, undefined],
    [
      'that watching started',
      { status: 'live' as const, node: 'RMSCON01' },
      false,
      'Watching the changes of the connector configuration through RMSCON01 (Ctrl+C to stop).',
    ],
    ['live again after a drop', { status: 'live' as const, node: 'RMSCON02' }, true, 'Live again through RMSCON02.'],
    [
      'when it reconnects and why',
      { status: 'reconnecting' as const, reason: 'The service closed the stream.', retryAt: new Date(AT.getTime() + 1_600).toISOString() },
      true,
      'Reconnecting in 2 s: The service closed the stream.',
    ],
    [
      'that the feed is unavailable and when it tries again',
      { status: 'unavailable' as const, reason: 'The service has no change feed.', retryAt: new Date(AT.getTime() + 60_000).toISOString() },
      false,
      'The change feed is unavailable: The service has no change feed. Trying again in 60 s.',
    ],
  ])('says %s', (_label, state, wasLive, line) => {
    expect(stateLine(state, wasLive, AT)).toBe(line);
  });
});
