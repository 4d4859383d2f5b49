/**
 * Convert a binary objectSid to its string form (`S-1-5-21-…`).
 *
 * Layout (MS-DTYP 2.4.2): revision, sub-authority count, 48-bit big-endian identifier
 * authority, then little-endian 32-bit sub-authorities.
 */
export function sidFromBuffer(buffer: Buffer): string {
  if (buffer.length < 8) throw new RangeError('A SID is at least 8 bytes long.');
  const revision = buffer.readUInt8(0);
  const count = buffer.readUInt8(1);
  if (buffer.length !== 8 + count * 4) throw new RangeError('The SID length does not match its sub-authority count.');
  const authority = buffer.readUIntBE(2, 6);
  const parts = [`S-${revision}`, String(authority)];
  for (let index = 0; index < count; index += 1) parts.push(String(buffer.readUInt32LE(8 + index * 4)));
  return parts.join('-');
}

const SID_PATTERN = /^S-1-(\d{1,15})((?:-\d{1,10}){1,15})$/i;

/** True when the text is a syntactically valid SID string (revision 1, ≤ 15 sub-authorities, each < 2^32). */
export function isSidString(text: string): boolean {
  const match = SID_PATTERN.exec(text);
  if (!match?.[1] || !match[2]) return false;
  if (Number(match[1]) > 0xffff_ffff_ffff) return false;
  return match[2]
    .slice(1)
    .split('-')
    .every((part) => Number(part) <= 0xffff_ffff);
}

/** Convert a SID string to its binary form (for filter objects that need the bytes). */
export function sidToBuffer(sid: string): Buffer {
  if (!isSidString(sid)) throw new RangeError(`"${sid}" is not a SID.`);
  const [, , authority, ...subAuthorities] = sid.split('-');
  const buffer = Buffer.alloc(8 + subAuthorities.length * 4);
  buffer.writeUInt8(1, 0);
  buffer.writeUInt8(subAuthorities.length, 1);
  buffer.writeUIntBE(Number(authority), 2, 6);
  subAuthorities.forEach((part, index) => buffer.writeUInt32LE(Number(part), 8 + index * 4));
  return buffer;
}

/** The relative identifier: the last sub-authority of a SID. */
export function ridOf(sid: string): number {
  return Number(sid.slice(sid.lastIndexOf('-') + 1));
}

/** The SID of the domain a domain-relative SID belongs to (everything but its RID). */
export function domainSidOf(sid: string): string {
  return sid.slice(0, sid.lastIndexOf('-'));
}

/** Normalise a SID string to upper-case `S` (AD compares SIDs case-insensitively in text). */
export function normalizeSid(sid: string): string {
  return `S${sid.slice(1)}`;
}
