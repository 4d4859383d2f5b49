import type { ChangeEvent, FeedReloadEvent } from '../../contract/connector-api/index.ts';
import { describeChange, type FeedConnectionState } from '../../core/connector/index.ts';

/**
 * `2026-12-06 10:42:05` in this computer's time zone: the admin compares it with their clock,
 * not with UTC.
 */
export function localTime(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${String(date.getFullYear())}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

// C0 and C1 controls (ESC starts terminal sequences) and the direction overrides that reorder what is shown.
const UNSAFE_FOR_TERMINAL = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The text with every control or direction character shown as `\u{1b}`.
 *
 * Names and sentences come from the service; the service refuses such characters in names, but
 * a line on an admin's terminal must not be able to move the cursor or reorder itself either way.
 */
export function visibleText(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (character) => `\\u{${(character.codePointAt(0) ?? 0).toString(16)}}`);
}

/** A change for people: when (local time), who did what through which node, and the list version after it. */
export function changeLine(event: ChangeEvent): string {
  return visibleText(`${localTime(new Date(event.at))}  ${describeChange(event)} (list version ${String(event.listVersion)})`);
}

/**
 * How many changes a reload skipped: from the last one seen to the service's position.
 *
 * Unknown (null) when nothing was seen yet, or the service's position is not ahead.
 */
export function missedChanges(reload: FeedReloadEvent, lastSequence: number | undefined): number | null {
  if (lastSequence === undefined || reload.sequence <= lastSequence) return null;
  return reload.sequence - lastSequence;
}

/** A reload for people: what was missed, and how to see the list as it is now. */
export function reloadLine(reload: FeedReloadEvent, missed: number | null, now: Date): string {
  const count = missed === null ? 'Some changes were' : missed === 1 ? '1 change was' : `${String(missed)} changes were`;
  return visibleText(
    `${localTime(now)}  ${count} missed: ${reload.message} Run rms-connector-admin servers list to see the list as it is now (list version ${String(reload.listVersion)}).`,
  );
}

/**
 * The line a connection state is worth on stderr, or nothing.
 *
 * The first `live` says that watching started; a later one, after a drop, says it is live again.
 */
export function stateLine(state: FeedConnectionState, wasLive: boolean, now: Date): string | undefined {
  const line = describeState(state, wasLive, now);
  return line === undefined ? undefined : visibleText(line);
}

function describeState(state: FeedConnectionState, wasLive: boolean, now: Date): string | undefined {
  const seconds = state.retryAt === undefined ? undefined : Math.max(0, Math.ceil((Date.parse(state.retryAt) - now.getTime()) / 1000));
  const inSeconds = seconds === undefined ? 'soon' : `in ${String(seconds)} s`;
  switch (state.status) {
    case 'connecting':
      return undefined;
    case 'live': {
      const through = state.node === undefined ? '' : ` through ${state.node}`;
      return wasLive ? `Live again${through}.` : `Watching the changes of the connector configuration${through} (Ctrl+C to stop).`;
    }
    case 'reconnecting':
      return `Reconnecting ${inSeconds}: ${state.reason ?? 'the connection dropped.'}`;
    case 'unavailable':
      return `The change feed is unavailable: ${state.reason ?? 'the service offers none.'} Trying again ${inSeconds}.`;
  }
}
