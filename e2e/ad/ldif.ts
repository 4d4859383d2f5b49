/**
 * One LDIF attribute value: text, or raw bytes such as a UTF-16LE `unicodePwd`.
 *
 * Bytes are always base64-encoded; text is encoded only when it is not a SAFE-STRING.
 */
export type LdifValue = string | Buffer;

/**
 * One LDIF change record: an add with attributes, or a modify with ordered changes.
 *
 * Seeding is expressed as these records so the same data can be fed to `ldbmodify` in one
 * fast local transaction instead of hundreds of network round trips.
 */
export type LdifRecord =
  { kind: 'add'; dn: string; attributes: Record<string, LdifValue | readonly LdifValue[]> } | { kind: 'modify'; dn: string; changes: readonly LdifChange[] };

/**
 * One step of a modify record, applied in order within the record's transaction.
 *
 * Membership is seeded as `add: member` changes after every object exists.
 */
export type LdifChange = {
  operation: 'add' | 'replace' | 'delete';
  attribute: string;
  values: readonly LdifValue[];
};

/**
 * Serialize records as RFC 2849 LDIF with `changetype` lines.
 *
 * Values that are not SAFE-STRINGs (non-ASCII, leading space, colon or `<`, trailing space)
 * are base64-encoded so names like ` Leading Space` and `Zoë …` survive byte for byte.
 */
export function toLdif(records: readonly LdifRecord[]): string {
  return records.map(recordToLdif).join('\n');
}

function recordToLdif(record: LdifRecord): string {
  const lines = [line('dn', record.dn), `changetype: ${record.kind}`];
  if (record.kind === 'add') {
    for (const [attribute, value] of Object.entries(record.attributes)) {
      const values = typeof value === 'string' || Buffer.isBuffer(value) ? [value] : value;
      for (const single of values) lines.push(line(attribute, single));
    }
  } else {
    for (const change of record.changes) {
      lines.push(`${change.operation}: ${change.attribute}`);
      for (const single of change.values) lines.push(line(change.attribute, single));
      lines.push('-');
    }
  }
  return `${lines.join('\n')}\n`;
}

function line(attribute: string, value: LdifValue): string {
  if (Buffer.isBuffer(value)) return `${attribute}:: ${value.toString('base64')}`;
  return isSafeString(value) ? `${attribute}: ${value}` : `${attribute}:: ${Buffer.from(value, 'utf8').toString('base64')}`;
}

function isSafeString(value: string): boolean {
  if (value === '') return true;
  if (/^[ :<]/.test(value) || value.endsWith(' ')) return false;
  // Printable ASCII only: anything else (including CR/LF/NUL) goes through base64.
  return /^[\x20-\x7e]*$/.test(value);
}
