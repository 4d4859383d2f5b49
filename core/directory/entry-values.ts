import type { Entry } from 'ldapts';

/**
 * Read attributes from a search entry without caring how the library shaped them.
 *
 * ldapts gives a string for one value and an array for several, and keys keep the server's
 * casing; these helpers look attributes up case-insensitively.
 */
export function valuesOf(entry: Entry, attribute: string): string[] {
  const value = lookup(entry, attribute);
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (Buffer.isBuffer(item) ? item.toString('utf8') : item));
}

/** The first string value of an attribute, if any. */
export function firstOf(entry: Entry, attribute: string): string | undefined {
  return valuesOf(entry, attribute)[0];
}

/** The first binary value of an attribute (requested as a buffer), if any. */
export function bufferOf(entry: Entry, attribute: string): Buffer | undefined {
  const value = lookup(entry, attribute);
  const first = Array.isArray(value) ? value[0] : value;
  return Buffer.isBuffer(first) ? first : undefined;
}

/** Every binary value of an attribute. */
export function buffersOf(entry: Entry, attribute: string): Buffer[] {
  const value = lookup(entry, attribute);
  const list: unknown[] = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.filter((item): item is Buffer => Buffer.isBuffer(item));
}

const lowerCaseKeys = new WeakMap<Entry, Map<string, string>>();

function lookup(entry: Entry, attribute: string): Entry[string] | undefined {
  if (attribute in entry) return entry[attribute];
  // Absent attributes are the common miss: index the entry's keys once, not per lookup.
  let keys = lowerCaseKeys.get(entry);
  if (!keys) {
    keys = new Map(Object.keys(entry).map((key) => [key.toLowerCase(), key]));
    lowerCaseKeys.set(entry, keys);
  }
  const key = keys.get(attribute.toLowerCase());
  return key === undefined ? undefined : entry[key];
}
