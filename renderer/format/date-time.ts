/**
 * How the console writes instants: dates and times in the system's locale and time zone.
 *
 * Every date the renderer shows goes through one of these formats (the audit log, the servers
 * list, drift, health, the CA file, change notices, the status bar), so an admin reads one
 * format on every screen and it is the one Windows shows them elsewhere. Formats are built once
 * per locale: a 5,000-row grid formats on every scroll.
 */
export type DateTimeFormats = {
  /** A date and time (`5 Dec 2026, 09:20` in en-GB, `Dec 5, 2026, 9:20 AM` in en-US). */
  readonly dateTime: (iso: string) => string;
  /** The date alone (`5 Dec 2026`), for a day such as a certificate's expiry. */
  readonly date: (iso: string) => string;
  /** The time of day alone (`09:20`), for something that just happened. */
  readonly time: (iso: string) => string;
  /**
   * How long ago, in words (`2 minutes ago`, `now`), measured from `now`. The words are the
   * console's language (English) whatever the system's locale: "vor 2 Minuten" in an English
   * window reads as a fault, where a German date format does not.
   */
  readonly relative: (iso: string, now: number) => string;
};

/** The language the console's words are written in. */
const CONSOLE_LANGUAGE = 'en';

const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/**
 * The formats for `locale` (undefined: the system's, which is what the console uses) and, for
 * tests, a fixed `timeZone`. Text that does not parse as an instant is shown as it came.
 */
export function createDateTimeFormats(locale: string | undefined, timeZone?: string): DateTimeFormats {
  const zone = timeZone === undefined ? {} : { timeZone };
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...zone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...zone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', ...zone });
  const relative = new Intl.RelativeTimeFormat(CONSOLE_LANGUAGE, { numeric: 'auto' });
  const withInstant = (format: (instant: number) => string) => (iso: string) => {
    const instant = Date.parse(iso);
    return Number.isNaN(instant) ? iso : format(instant);
  };
  return {
    dateTime: withInstant((instant) => dateTime.format(instant)),
    date: withInstant((instant) => date.format(instant)),
    time: withInstant((instant) => time.format(instant)),
    relative: (iso, now) => withInstant((instant) => relativeText(relative, (instant - now) / 1000))(iso),
  };
}

function relativeText(format: Intl.RelativeTimeFormat, seconds: number): string {
  let amount = seconds;
  for (const [unit, perNext] of RELATIVE_UNITS) {
    if (Math.abs(amount) < perNext) return format.format(Math.round(amount), unit);
    amount /= perNext;
  }
  return format.format(Math.round(amount), 'year');
}

/** The console's formats: the system's locale and time zone. */
const systemFormats = createDateTimeFormats(undefined);

/** An ISO instant as a local date and time (see {@link DateTimeFormats.dateTime}). */
export const formatDateTime = systemFormats.dateTime;

/** An ISO instant's local date (see {@link DateTimeFormats.date}). */
export const formatDate = systemFormats.date;

/** An ISO instant's local time of day (see {@link DateTimeFormats.time}). */
export const formatTime = systemFormats.time;

/** How long ago an ISO instant was, in words (see {@link DateTimeFormats.relative}). */
export const formatRelativeTime = systemFormats.relative;
