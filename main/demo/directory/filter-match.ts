import { isSidString, sidToBuffer } from '../../../core/directory/sid.ts';
import { dnKey, textOf, textsOf, type DirectoryEntry, type DirectoryStore } from './directory-store.ts';
import { LdapFailure, RESULT } from './ldap-failure.ts';
import { transitiveGroupKeys, transitiveMemberKeys } from './membership-closure.ts';
import type { SearchFilter } from './search-filter.ts';

const BINARY = new Set(['objectsid', 'objectguid']);
const DN_VALUED = new Set(['distinguishedname', 'member', 'memberof', 'objectcategory', 'ncname', 'managedby', 'manager']);
const INTEGER = new Set([
  'grouptype',
  'useraccountcontrol',
  'primarygroupid',
  'samaccounttype',
  'systemflags',
  'instancetype',
  'badpwdcount',
  'lockoutthreshold',
]);
/** AD's default ANR attribute set (MS-ADTS 3.1.1.3.1.3.3), as far as the demo's objects hold them. */
const ANR_ATTRIBUTES = ['displayName', 'givenName', 'name', 'sAMAccountName', 'sn', 'proxyAddresses', 'physicalDeliveryOfficeName'];
const CATEGORY_NAMES: Readonly<Record<string, string>> = {
  person: 'Person',
  user: 'Person',
  computer: 'Computer',
  group: 'Group',
  organizationalunit: 'Organizational-Unit',
  container: 'Container',
  foreignsecurityprincipal: 'Foreign-Security-Principal',
  'msds-managedserviceaccount': 'ms-DS-Managed-Service-Account',
  domaindns: 'Domain-DNS',
  builtindomain: 'Builtin-Domain',
  crossref: 'Cross-Ref',
  lostandfound: 'Lost-And-Found',
};

/** Matching rules AD defines and the demo evaluates. */
export const MATCHING_RULES = { bitAnd: '1.2.840.113556.1.4.803', bitOr: '1.2.840.113556.1.4.804', inChain: '1.2.840.113556.1.4.1941' } as const;

/** What filter evaluation needs: the store, the schema base for objectCategory, and per-search caches. */
export type MatchContext = { readonly store: DirectoryStore; readonly schemaDn: string; readonly closures: Map<string, ReadonlySet<string>> };

/**
 * Evaluate a filter against an entry with RFC 4511's three-valued logic (undefined = the
 * attribute is absent or the assertion cannot apply), which is what AD does with NOT.
 */
export function matchFilter(context: MatchContext, entry: DirectoryEntry, filter: SearchFilter): boolean | undefined {
  switch (filter.type) {
    case 'and': {
      let result: boolean | undefined = true;
      for (const inner of filter.filters) {
        const value = matchFilter(context, entry, inner);
        if (value === false) return false;
        if (value === undefined) result = undefined;
      }
      return result;
    }
    case 'or': {
      let result: boolean | undefined = false;
      for (const inner of filter.filters) {
        const value = matchFilter(context, entry, inner);
        if (value === true) return true;
        if (value === undefined) result = undefined;
      }
      return result;
    }
    case 'not': {
      const value = matchFilter(context, entry, filter.filter);
      return value === undefined ? undefined : !value;
    }
    case 'present':
      return filter.attribute.toLowerCase() === 'objectclass' || valuesFor(context, entry, filter.attribute).length > 0;
    case 'equal':
    case 'approx':
      return filter.attribute.toLowerCase() === 'anr'
        ? matchAnr(entry, filter.value.toString('utf8'))
        : compare(context, entry, filter.attribute, filter.value, 'equal');
    case 'greater-or-equal':
    case 'less-or-equal':
      return compare(context, entry, filter.attribute, filter.value, filter.type);
    case 'substrings':
      return matchSubstrings(context, entry, filter);
    case 'extensible':
      return matchExtensible(context, entry, filter);
  }
}

function valuesFor(context: MatchContext, entry: DirectoryEntry, attribute: string): readonly Buffer[] {
  const name = attribute.toLowerCase();
  if (name === 'memberof') return context.store.groupsOf(entry).map((group) => Buffer.from(group.dn, 'utf8'));
  return entry.attributes.get(name)?.values ?? [];
}

function compare(
  context: MatchContext,
  entry: DirectoryEntry,
  attribute: string,
  assertion: Buffer,
  operator: 'equal' | 'greater-or-equal' | 'less-or-equal',
): boolean | undefined {
  const name = attribute.toLowerCase();
  const values = valuesFor(context, entry, name);
  if (values.length === 0) return undefined;
  if (BINARY.has(name)) {
    const text = assertion.toString('latin1');
    const wanted = name === 'objectsid' && isSidString(text) ? sidToBuffer(text) : assertion;
    return operator === 'equal' ? values.some((value) => value.equals(wanted)) : undefined;
  }
  if (INTEGER.has(name)) {
    const wanted = Number(assertion.toString('latin1'));
    if (!Number.isFinite(wanted)) return undefined;
    return values.some((value) => {
      const actual = Number(value.toString('latin1'));
      return operator === 'equal' ? actual === wanted : operator === 'greater-or-equal' ? actual >= wanted : actual <= wanted;
    });
  }
  if (DN_VALUED.has(name)) {
    const wanted = name === 'objectcategory' ? categoryKey(context, assertion.toString('utf8')) : dnKey(assertion.toString('utf8'));
    if (wanted === undefined) return false;
    return operator === 'equal' ? values.some((value) => dnKey(value.toString('utf8')) === wanted) : undefined;
  }
  const wanted = assertion.toString('utf8').toLowerCase();
  return values.some((value) => {
    const actual = value.toString('utf8').toLowerCase();
    return operator === 'equal' ? actual === wanted : operator === 'greater-or-equal' ? actual >= wanted : actual <= wanted;
  });
}

/** `objectCategory=person` is AD shorthand for the category's schema DN. */
function categoryKey(context: MatchContext, value: string): string | undefined {
  if (value.includes('=')) return dnKey(value);
  const category = CATEGORY_NAMES[value.toLowerCase()];
  return category === undefined ? undefined : dnKey(`CN=${category},${context.schemaDn}`);
}

function matchSubstrings(context: MatchContext, entry: DirectoryEntry, filter: Extract<SearchFilter, { type: 'substrings' }>): boolean | undefined {
  const values = valuesFor(context, entry, filter.attribute);
  if (values.length === 0) return undefined;
  const lower = (buffer: Buffer | undefined) => buffer?.toString('utf8').toLowerCase();
  const initial = lower(filter.initial);
  const final = lower(filter.final);
  const middle = filter.any.map((part) => part.toString('utf8').toLowerCase());
  return values.some((value) => {
    const text = value.toString('utf8').toLowerCase();
    if (initial !== undefined && !text.startsWith(initial)) return false;
    let cursor = initial?.length ?? 0;
    for (const part of middle) {
      const found = text.indexOf(part, cursor);
      if (found < 0) return false;
      cursor = found + part.length;
    }
    return final === undefined || (text.length - final.length >= cursor && text.endsWith(final));
  });
}

function matchExtensible(context: MatchContext, entry: DirectoryEntry, filter: Extract<SearchFilter, { type: 'extensible' }>): boolean | undefined {
  const attribute = filter.attribute?.toLowerCase();
  if (filter.rule === undefined && attribute !== undefined) return compare(context, entry, attribute, filter.value, 'equal');
  if (attribute === undefined)
    throw new LdapFailure(RESULT.inappropriateMatching, '00002080: AtrErr: DSID-0C09106E, #1: an extensible match without an attribute is not supported');
  if (filter.rule === MATCHING_RULES.bitAnd || filter.rule === MATCHING_RULES.bitOr) {
    const mask = BigInt.asUintN(32, BigInt(Number(filter.value.toString('latin1')) || 0));
    const values = valuesFor(context, entry, attribute);
    if (values.length === 0) return undefined;
    return values.some((value) => {
      const bits = BigInt.asUintN(32, BigInt(Number(value.toString('latin1')) || 0));
      return filter.rule === MATCHING_RULES.bitAnd ? (bits & mask) === mask : (bits & mask) !== 0n;
    });
  }
  if (filter.rule === MATCHING_RULES.inChain && (attribute === 'memberof' || attribute === 'member')) {
    const target = context.store.get(filter.value.toString('utf8'));
    if (!target) return false;
    const cacheKey = `${attribute}\u0000${target.key}`;
    let closure = context.closures.get(cacheKey);
    if (!closure) {
      // memberOf:in-chain:=G → everything below G; member:in-chain:=X → every group above X.
      closure =
        attribute === 'memberof' ? transitiveMemberKeys(context.store, target) : transitiveGroupKeys(context.store, target, { followPrimaryGroup: false });
      context.closures.set(cacheKey, closure);
    }
    return closure.has(entry.key);
  }
  throw new LdapFailure(
    RESULT.inappropriateMatching,
    `00002080: AtrErr: DSID-0C09106E, #1: matching rule ${filter.rule ?? ''} is not supported on ${filter.attribute ?? ''}`,
  );
}

/**
 * Ambiguous name resolution: a prefix of any ANR attribute, "given surname" / "surname
 * given" when the text holds a space, and an exact match when it starts with `=`.
 */
function matchAnr(entry: DirectoryEntry, raw: string): boolean {
  const exact = raw.startsWith('=');
  const text = (exact ? raw.slice(1) : raw).trim().toLowerCase();
  if (text === '') return false;
  const matches = (value: string | undefined, part: string) =>
    value !== undefined && (exact ? value.toLowerCase() === part : value.toLowerCase().startsWith(part));
  if (ANR_ATTRIBUTES.some((attribute) => textsOf(entry, attribute).some((value) => matches(value, text)))) return true;
  const space = text.indexOf(' ');
  if (space < 0) return false;
  const first = text.slice(0, space);
  const rest = text.slice(space + 1).trim();
  const given = textOf(entry, 'givenName');
  const surname = textOf(entry, 'sn');
  return (matches(given, first) && matches(surname, rest)) || (matches(surname, first) && matches(given, rest));
}
