import { describe, expect, it } from 'vitest';
import { createDateTimeFormats } from './date-time.ts';

const AT = '2026-12-05T09:20:00.000Z';
const NOW = Date.parse(AT);

describe('createDateTimeFormats', () => {
  it.each([
    ['en-US', 'Dec 5, 2026, 9:20 AM', 'Dec 5, 2026', '9:20 AM'],
    ['en-GB', '5 Dec 2026, 09:20', '5 Dec 2026', '09:20'],
    ['de-DE', '05.12.2026, 09:20', '05.12.2026', '09:20'],
  ])('writes instants the way %s does', (locale, dateTime, date, time) => {
    const formats = createDateTimeFormats(locale, 'UTC');
    expect([formats.dateTime(AT), formats.date(AT), formats.time(AT)].map((text) => text.replaceAll('\u202f', ' '))).toEqual([dateTime, date, time]);
  });

  it('follows the time zone it is given', () => {
    expect(createDateTimeFormats('en-GB', 'Europe/Berlin').time(AT)).toBe('10:20');
  });

  it.each([
    [0, 'now'],
    [-20_000, '20 seconds ago'],
    [-120_000, '2 minutes ago'],
    [-3 * 3_600_000, '3 hours ago'],
    [-86_400_000, 'yesterday'],
    [-10 * 86_400_000, 'last week'],
    [-400 * 86_400_000, 'last year'],
    [90_000, 'in 2 minutes'],
  ])('says how long ago an instant %d ms away was', (offset, text) => {
    expect(createDateTimeFormats('en-US', 'UTC').relative(new Date(NOW + offset).toISOString(), NOW)).toBe(text);
  });

  it('says how long ago in the console language (English) under any system locale, its dates in that locale', () => {
    const formats = createDateTimeFormats('de-DE', 'UTC');
    expect([formats.relative(new Date(NOW - 120_000).toISOString(), NOW), formats.relative(AT, NOW), formats.date(AT)]).toEqual([
      '2 minutes ago',
      'now',
      '05.12.2026',
    ]);
  });

  it('shows text that is not an instant as it came', () => {
    const formats = createDateTimeFormats('en-US', 'UTC');
    expect([formats.dateTime('soon'), formats.date(''), formats.time('x'), formats.relative('later', NOW)]).toEqual(['soon', '', 'x', 'later']);
  });
});
