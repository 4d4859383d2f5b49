import { AndFilter, EqualityFilter, ExtensibleFilter, type Filter, NotFilter, OrFilter, PresenceFilter } from 'ldapts';
import { assertWellFormed } from './filter-escape.ts';

/**
 * Filter objects for every search this layer sends.
 *
 * Values travel as BER octet strings inside filter objects, never spliced into filter text,
 * so typed input cannot change a filter's structure. Text values are checked for lone
 * surrogates first (they have no UTF-8 form).
 */

/** The AD "bitwise AND" matching rule. */
export const MATCHING_RULE_BIT_AND = '1.2.840.113556.1.4.803';

/** `(attribute=value)` with the value sent as-is. */
export function equals(attribute: string, value: string | Buffer): Filter {
  if (typeof value === 'string') assertWellFormed(value);
  return new EqualityFilter({ attribute, value });
}

/** `(attribute=*)`. */
export function present(attribute: string): Filter {
  return new PresenceFilter({ attribute });
}

/** `(&…)`; a single clause is returned unwrapped. */
export function allOf(...filters: Filter[]): Filter {
  return filters.length === 1 && filters[0] ? filters[0] : new AndFilter({ filters });
}

/** `(|…)`; a single clause is returned unwrapped. */
export function anyOf(...filters: Filter[]): Filter {
  return filters.length === 1 && filters[0] ? filters[0] : new OrFilter({ filters });
}

/** `(!…)`. */
export function not(filter: Filter): Filter {
  return new NotFilter({ filter });
}

/** `(attribute:1.2.840.113556.1.4.803:=mask)`: every bit of the mask is set. */
export function bitsSet(attribute: string, mask: number): Filter {
  return new ExtensibleFilter({ matchType: attribute, rule: MATCHING_RULE_BIT_AND, value: String(mask >>> 0) });
}
