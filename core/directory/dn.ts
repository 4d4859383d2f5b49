import { assertWellFormed } from './filter-escape.ts';

/** One attribute=value pair of a relative distinguished name. */
export type RdnPart = { readonly type: string; readonly value: string };

const SPECIALS = new Set(['"', '+', ',', ';', '<', '>', '\\', '=']);

/**
 * Escape an attribute value for a distinguished name (RFC 4514 §2.4).
 *
 * Leading space or `#`, trailing space, the specials `" + , ; < > \ =` and NUL are escaped
 * (NUL as `\00`); nothing is quoted, because RFC 4514 has no quoted form.
 */
export function escapeDnValue(value: string): string {
  assertWellFormed(value);
  const characters = [...value];
  return characters
    .map((character, index) => {
      if (character === '\u0000') return '\\00';
      if (SPECIALS.has(character)) return `\\${character}`;
      if (index === 0 && (character === ' ' || character === '#')) return `\\${character}`;
      if (index === characters.length - 1 && character === ' ') return '\\ ';
      return character;
    })
    .join('');
}

/** Build a DN from RDN parts, escaping every value. */
export function formatDn(rdns: readonly RdnPart[]): string {
  return rdns.map((rdn) => `${rdn.type}=${escapeDnValue(rdn.value)}`).join(',');
}

/**
 * Parse an RFC 4514 string DN strictly into single-valued RDNs.
 *
 * Returns undefined when the text is not a DN (so "a=b" typed as a name can fall back to name
 * lookup). Multi-valued RDNs (`+`) and `#` BER values are refused: AD does not use them for
 * the objects an admin authorizes, and accepting them would widen what typed text can address.
 */
export function parseDn(text: string): RdnPart[] | undefined {
  if (!text.isWellFormed() || text.trim() === '') return undefined;
  const rdns: RdnPart[] = [];
  let index = 0;
  while (index < text.length) {
    const typeMatch = /^\s*([A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)\s*=/.exec(text.slice(index));
    if (!typeMatch?.[1]) return undefined;
    index += typeMatch[0].length;
    const bytes: number[] = [];
    let trailingUnescapedSpaces = 0;
    let ended = false;
    while (index < text.length && !ended) {
      const character = text[index] ?? '';
      if (character === '\\') {
        const next = text.slice(index + 1, index + 3);
        if (/^[0-9A-Fa-f]{2}$/.test(next)) {
          bytes.push(Number.parseInt(next, 16));
          index += 3;
        } else if (next.length > 0 && ' "#+,;<=>\\'.includes(next[0] ?? '')) {
          bytes.push(next.charCodeAt(0));
          index += 2;
        } else {
          return undefined;
        }
        trailingUnescapedSpaces = 0;
      } else if (character === ',') {
        ended = true;
        index += 1;
      } else if (character === '+' || character === '"' || character === ';' || character === '<' || character === '>' || character === '=') {
        return undefined;
      } else if (character === '#' && bytes.length === 0) {
        return undefined;
      } else {
        const codePoint = text.codePointAt(index) ?? 0;
        const encoded = Buffer.from(String.fromCodePoint(codePoint), 'utf8');
        bytes.push(...encoded);
        trailingUnescapedSpaces = character === ' ' ? trailingUnescapedSpaces + 1 : 0;
        index += codePoint > 0xffff ? 2 : 1;
      }
    }
    const rawValue = Buffer.from(bytes.slice(0, bytes.length - trailingUnescapedSpaces));
    const value = decodeUtf8(rawValue);
    if (value === undefined || value === '' || (ended && index >= text.length)) return undefined;
    rdns.push({ type: typeMatch[1], value });
  }
  return rdns;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
