import type { ChangeContext } from './config-store.ts';

/**
 * A time in the one ISO form `toISOString` gives (`…T10:00:00.000Z`).
 *
 * Times are compared as text in SQL (audit ranges, pruning); `…00Z` sorts after `…00.500Z`,
 * so mixed forms of the same instant would compare wrongly. Everything stored goes through here.
 */
export function isoTime(value: string, what: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new Error(`${what} is not a time: ${JSON.stringify(value)}.`);
  return time.toISOString();
}

/** The context with its time in the stored form; see {@link isoTime}. */
export function storedContext(context: ChangeContext): ChangeContext {
  return { ...context, at: isoTime(context.at, 'The time of the change') };
}
