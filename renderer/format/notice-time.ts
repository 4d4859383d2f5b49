/**
 * The local time of day of an ISO instant, hours and minutes on a 24-hour clock (`10:42`).
 *
 * What a change notice ends with: the admin reads "when" in their own time zone; the day is
 * left out because a notice is about what just happened.
 */
export function noticeTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}
