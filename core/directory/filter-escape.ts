/**
 * Escape a value for an LDAP search filter assertion (RFC 4515 §3).
 *
 * NUL, `(`, `)`, `*` and `\` become `\xx`; everything else is sent as UTF-8. A string with a
 * lone UTF-16 surrogate has no UTF-8 form, so it is refused instead of being silently mangled
 * into U+FFFD (which could then match a different value).
 */
export function escapeFilterValue(value: string): string {
  assertWellFormed(value);
  let escaped = '';
  for (const character of value) {
    const code = character.codePointAt(0) ?? 0;
    if (code === 0x00 || code === 0x28 || code === 0x29 || code === 0x2a || code === 0x5c) {
      escaped += `\\${code.toString(16).padStart(2, '0')}`;
    } else {
      escaped += character;
    }
  }
  return escaped;
}

/**
 * Refuse text that cannot be encoded as UTF-8 (lone surrogates).
 *
 * Every value typed by an admin passes here before it reaches the wire.
 */
export function assertWellFormed(value: string): void {
  if (!value.isWellFormed()) {
    throw new RangeError('The text contains an unpaired surrogate character and cannot be sent to the directory.');
  }
}
