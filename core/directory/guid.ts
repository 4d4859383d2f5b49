/**
 * Convert a binary objectGUID to its registry form (lower-case, dashed).
 *
 * AD stores the first three fields little-endian, so the bytes are not in text order.
 */
export function guidFromBuffer(buffer: Buffer): string {
  if (buffer.length !== 16) throw new RangeError('A GUID is 16 bytes long.');
  const hex = (start: number, end: number, reverse: boolean) => {
    const slice = [...buffer.subarray(start, end)];
    return (reverse ? slice.reverse() : slice).map((byte) => byte.toString(16).padStart(2, '0')).join('');
  };
  return [hex(0, 4, true), hex(4, 6, true), hex(6, 8, true), hex(8, 10, false), hex(10, 16, false)].join('-');
}

const GUID_PATTERN = /^\{?([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\}?$/i;

/** Parse `xxxxxxxx-xxxx-…` or `{…}` into the normalised lower-case form, or undefined. */
export function parseGuid(text: string): string | undefined {
  const match = GUID_PATTERN.exec(text.trim());
  return match ? match.slice(1, 6).join('-').toLowerCase() : undefined;
}

/** Convert a GUID string to AD's byte order. */
export function guidToBuffer(guid: string): Buffer {
  const normalized = parseGuid(guid);
  if (!normalized) throw new RangeError(`"${guid}" is not a GUID.`);
  const hex = normalized.replaceAll('-', '');
  const bytes = Buffer.from(hex, 'hex');
  const reorder = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  return Buffer.from(reorder.map((index) => bytes[index] ?? 0));
}
