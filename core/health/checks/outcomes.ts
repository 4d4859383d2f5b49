import type { CheckOutcome } from '../health-types.ts';

/** A passing outcome: nothing to do. */
export const pass = (measured: string): CheckOutcome => ({ status: 'pass', measured, action: '' });
/** A warning: works, but the admin should act. */
export const warn = (measured: string, action: string): CheckOutcome => ({ status: 'warn', measured, action });
/** A failure: servers are (or will be) refused or exposed. */
export const fail = (measured: string, action: string): CheckOutcome => ({ status: 'fail', measured, action });
/** Not measured, and why (what the admin can do instead goes in `action`). */
export const notRunOutcome = (reason: string, measured = '', action = ''): CheckOutcome => ({ status: 'not-run', measured, action, notRunReason: reason });

/**
 * Quote text that came from outside (a URL, a node name, a registry value) so control
 * characters and line breaks cannot forge lines of the report.
 */
export function quoted(text: string): string {
  return JSON.stringify(text);
}

/** `12 ms`, `3.4 s`, `5 min`, `2 h`, `3 d`: how admins read an age or a duration. */
export function humanDuration(milliseconds: number): string {
  const ms = Math.max(0, Math.round(milliseconds));
  if (ms < 1000) return `${String(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  if (ms < 3_600_000) return `${String(Math.round(ms / 60_000))} min`;
  if (ms < 172_800_000) return `${String(Math.round(ms / 3_600_000))} h`;
  return `${String(Math.round(ms / 86_400_000))} d`;
}

/** A date as `2026-05-01 14:03 UTC`. */
export function utcDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
