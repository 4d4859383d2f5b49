/**
 * Escape one attribute value for use inside a DN, following RFC 4514 section 2.4.
 *
 * The scenario deliberately uses names with `,`, `+`, `#`, `\`, quotes and a leading space;
 * building their DNs by string concatenation would silently produce different objects.
 */
export function escapeDnValue(value: string): string {
  let escaped = '';
  for (const [index, character] of [...value].entries()) {
    const isFirst = index === 0;
    const isLast = index === [...value].length - 1;
    if (character === '\0') escaped += '\\00';
    // `=` is optional in RFC 4514 but Samba's ldb refuses it unescaped, and AD escapes it too.
    else if ('"+,;<>=\\'.includes(character)) escaped += `\\${character}`;
    else if (isFirst && (character === '#' || character === ' ')) escaped += `\\${character}`;
    else if (isLast && character === ' ') escaped += '\\ ';
    else escaped += character;
  }
  return escaped;
}

/**
 * Build a DN from a leaf RDN (attribute type + raw value) and an already-escaped parent DN.
 *
 * Only the leaf value is escaped here, because parents come from other `rdn` calls or literals.
 */
export function rdn(type: string, value: string, parentDn: string): string {
  return `${type}=${escapeDnValue(value)},${parentDn}`;
}
