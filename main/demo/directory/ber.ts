/**
 * The slice of BER (X.690) that LDAP uses: tag, definite length, value.
 *
 * The demo directory decodes requests itself so values stay bytes: ldapjs's message layer
 * turns binary filter values (objectSid) into lossy text and refuses UPN bind names and
 * `<SID=…>` bases, which AD accepts. Every read is bounds-checked; malformed input throws a
 * {@link BerError}, which the connection answers with protocolError.
 */
export class BerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BerError';
  }
}

/** One decoded TLV: its tag byte and its value bytes. */
export type Tlv = { readonly tag: number; readonly value: Buffer };

/** Universal tags LDAP uses. */
export const TAG = { boolean: 0x01, integer: 0x02, octetString: 0x04, enumerated: 0x0a, sequence: 0x30, set: 0x31 } as const;

/**
 * Read the TLV at `offset`; returns it and the offset after it, or undefined when the
 * buffer does not yet hold all of it (a stream read that must wait for more bytes).
 */
export function readTlvAt(buffer: Buffer, offset: number, maxLength = Number.MAX_SAFE_INTEGER): { tlv: Tlv; next: number } | undefined {
  if (offset + 2 > buffer.length) return undefined;
  const tag = buffer[offset] as number;
  if ((tag & 0x1f) === 0x1f) throw new BerError('multi-byte tags are not used by LDAP');
  let cursor = offset + 1;
  const first = buffer[cursor] as number;
  cursor += 1;
  let length = first;
  if (first & 0x80) {
    const octets = first & 0x7f;
    if (octets === 0) throw new BerError('indefinite lengths are not allowed in LDAP');
    if (octets > 4) throw new BerError('length field too large');
    if (cursor + octets > buffer.length) return undefined;
    length = 0;
    for (let index = 0; index < octets; index += 1) length = length * 256 + (buffer[cursor + index] as number);
    cursor += octets;
  }
  if (length > maxLength) throw new BerError(`element of ${length} bytes exceeds the ${maxLength}-byte limit`);
  if (cursor + length > buffer.length) return undefined;
  return { tlv: { tag, value: buffer.subarray(cursor, cursor + length) }, next: cursor + length };
}

/** Split a constructed value into its child elements; anything truncated is an error. */
export function childrenOf(value: Buffer): Tlv[] {
  const children: Tlv[] = [];
  let offset = 0;
  while (offset < value.length) {
    const read = readTlvAt(value, offset);
    if (!read) throw new BerError('truncated element');
    children.push(read.tlv);
    offset = read.next;
  }
  return children;
}

/** Decode an INTEGER or ENUMERATED value (at most 6 bytes, two's complement). */
export function decodeInteger(value: Buffer): number {
  if (value.length === 0 || value.length > 6) throw new BerError('integer of unsupported size');
  return value.readIntBE(0, value.length);
}

/** Expect a tag and return the element, or throw naming what was expected. */
export function expectTag(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (!tlv || tlv.tag !== tag) throw new BerError(`expected ${what}`);
  return tlv;
}

/** Encode one TLV. */
export function encodeTlv(tag: number, value: Buffer): Buffer {
  const length = value.length;
  let header: Buffer;
  if (length < 0x80) header = Buffer.from([tag, length]);
  else {
    const bytes: number[] = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
    header = Buffer.from([tag, 0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([header, value]);
}

/** Encode an INTEGER (or, with another tag, ENUMERATED) in the fewest bytes. */
export function encodeInteger(value: number, tag: number = TAG.integer): Buffer {
  for (let size = 1; size <= 6; size += 1) {
    const limit = 2 ** (8 * size - 1);
    if (value >= -limit && value < limit) {
      const bytes = Buffer.alloc(size);
      bytes.writeIntBE(value, 0, size);
      return encodeTlv(tag, bytes);
    }
  }
  throw new BerError('integer out of range');
}

/** Encode an OCTET STRING from text (UTF-8) or bytes. */
export function encodeOctets(value: string | Buffer, tag: number = TAG.octetString): Buffer {
  return encodeTlv(tag, typeof value === 'string' ? Buffer.from(value, 'utf8') : value);
}

/** Encode a constructed element from already-encoded children. */
export function encodeConstructed(tag: number, children: readonly Buffer[]): Buffer {
  return encodeTlv(tag, Buffer.concat(children));
}
