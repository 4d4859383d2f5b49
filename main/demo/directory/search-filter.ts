import { BerError, childrenOf, expectTag, TAG, type Tlv } from './ber.ts';

/** A decoded LDAP search filter (RFC 4511 §4.5.1.7); assertion values stay bytes. */
export type SearchFilter =
  | { readonly type: 'and' | 'or'; readonly filters: readonly SearchFilter[] }
  | { readonly type: 'not'; readonly filter: SearchFilter }
  | { readonly type: 'equal' | 'greater-or-equal' | 'less-or-equal' | 'approx'; readonly attribute: string; readonly value: Buffer }
  | { readonly type: 'present'; readonly attribute: string }
  | { readonly type: 'substrings'; readonly attribute: string; readonly initial?: Buffer; readonly any: readonly Buffer[]; readonly final?: Buffer }
  | { readonly type: 'extensible'; readonly attribute?: string; readonly rule?: string; readonly value: Buffer; readonly dnAttributes: boolean };

/** Nesting and size limits: a filter beyond these is refused, not evaluated. */
export const FILTER_LIMITS = { depth: 64, nodes: 50_000 } as const;

/**
 * Decode a filter element, enforcing {@link FILTER_LIMITS}.
 *
 * The console batches up to 500 names in one `(|…)`, a few thousand nodes; a filter nested
 * deeper than any real client sends is hostile and costs a recursion per level.
 */
export function decodeFilter(tlv: Tlv): SearchFilter {
  const budget = { nodes: 0 };
  return decode(tlv, 0, budget);
}

function decode(tlv: Tlv, depth: number, budget: { nodes: number }): SearchFilter {
  if (depth > FILTER_LIMITS.depth) throw new BerError(`filter nested deeper than ${FILTER_LIMITS.depth} levels`);
  budget.nodes += 1;
  if (budget.nodes > FILTER_LIMITS.nodes) throw new BerError(`filter has more than ${FILTER_LIMITS.nodes} terms`);
  switch (tlv.tag) {
    case 0xa0:
    case 0xa1:
      return { type: tlv.tag === 0xa0 ? 'and' : 'or', filters: childrenOf(tlv.value).map((child) => decode(child, depth + 1, budget)) };
    case 0xa2: {
      const [inner, extra] = childrenOf(tlv.value);
      if (!inner || extra) throw new BerError('not-filter must hold exactly one filter');
      return { type: 'not', filter: decode(inner, depth + 1, budget) };
    }
    case 0xa3:
    case 0xa5:
    case 0xa6:
    case 0xa8: {
      const [attribute, value] = assertion(tlv);
      const type = ({ 0xa3: 'equal', 0xa5: 'greater-or-equal', 0xa6: 'less-or-equal', 0xa8: 'approx' } as const)[tlv.tag];
      return { type, attribute, value };
    }
    case 0x87:
      return { type: 'present', attribute: attributeName(tlv.value) };
    case 0xa4:
      return substrings(tlv);
    case 0xa9:
      return extensible(tlv);
    default:
      throw new BerError(`unknown filter choice 0x${tlv.tag.toString(16)}`);
  }
}

function assertion(tlv: Tlv): [string, Buffer] {
  const [attribute, value, extra] = childrenOf(tlv.value);
  if (extra) throw new BerError('attribute value assertion has extra elements');
  return [attributeName(expectTag(attribute, TAG.octetString, 'attribute description').value), expectTag(value, TAG.octetString, 'assertion value').value];
}

function substrings(tlv: Tlv): SearchFilter {
  const [attribute, list] = childrenOf(tlv.value);
  const parts = childrenOf(expectTag(list, TAG.sequence, 'substrings list').value);
  if (parts.length === 0) throw new BerError('substrings filter without substrings');
  let initial: Buffer | undefined;
  let final: Buffer | undefined;
  const any: Buffer[] = [];
  for (const part of parts) {
    if (part.tag === 0x80 && initial === undefined && any.length === 0) initial = part.value;
    else if (part.tag === 0x81 && final === undefined) any.push(part.value);
    else if (part.tag === 0x82 && final === undefined) final = part.value;
    else throw new BerError('substrings out of order');
  }
  return {
    type: 'substrings',
    attribute: attributeName(expectTag(attribute, TAG.octetString, 'attribute description').value),
    ...(initial ? { initial } : {}),
    any,
    ...(final ? { final } : {}),
  };
}

function extensible(tlv: Tlv): SearchFilter {
  let rule: string | undefined;
  let attribute: string | undefined;
  let value: Buffer | undefined;
  let dnAttributes = false;
  for (const part of childrenOf(tlv.value)) {
    if (part.tag === 0x81) rule = part.value.toString('latin1');
    else if (part.tag === 0x82) attribute = attributeName(part.value);
    else if (part.tag === 0x83) value = part.value;
    else if (part.tag === 0x84) dnAttributes = part.value.length === 1 && part.value[0] !== 0;
    else throw new BerError('unknown element in extensible match');
  }
  if (!value || (!rule && !attribute)) throw new BerError('extensible match needs a value and a rule or an attribute');
  if (rule !== undefined && !/^\d+(\.\d+)*$/.test(rule)) throw new BerError('matching rule must be an OID');
  return { type: 'extensible', ...(attribute ? { attribute } : {}), ...(rule ? { rule } : {}), value, dnAttributes };
}

/** Attribute descriptions are ASCII keystrings or OIDs, optionally with options (`;binary`). */
function attributeName(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  if (!/^[A-Za-z][A-Za-z0-9-]*(;[A-Za-z0-9-]+)*$|^\d+(\.\d+)*$/.test(text) || text.length > 128) {
    throw new BerError('invalid attribute description in filter');
  }
  return text;
}
