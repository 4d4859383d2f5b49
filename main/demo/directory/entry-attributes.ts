import { sidToBuffer } from '../../../core/directory/sid.ts';
import { sidOf, textOf, type DirectoryEntry, type DirectoryStore } from './directory-store.ts';
import type { ResultAttribute } from './ldap-messages.ts';
import { transitiveGroups } from './membership-closure.ts';

/** Constructed attributes: computed on request, never returned for `*` (as in AD). */
const CONSTRUCTED = new Set(['canonicalname', 'tokengroups']);

/**
 * The attributes of one result entry, as AD returns them for a requested list.
 *
 * Names match case-insensitively and come back in AD's spelling (ldapts needs the exact
 * casing for binary attributes). `*` is every stored attribute plus memberOf; `1.1` is none;
 * canonicalName and tokenGroups are constructed, tokenGroups only in a base-scope search.
 */
export function entryAttributes(
  store: DirectoryStore,
  entry: DirectoryEntry,
  requested: readonly string[],
  options: { baseScope: boolean; typesOnly: boolean },
): ResultAttribute[] {
  const all = requested.length === 0 || requested.includes('*');
  const names = new Set(requested.map((name) => name.split(';')[0] ?? name));
  const attributes: ResultAttribute[] = [];
  for (const [key, attribute] of entry.attributes) {
    if (all || names.has(key)) attributes.push(attribute);
  }
  if (all || names.has('memberof')) {
    const groups = store.groupsOf(entry);
    if (groups.length > 0) attributes.push({ name: 'memberOf', values: groups.map((group) => Buffer.from(group.dn, 'utf8')) });
  }
  for (const name of CONSTRUCTED) {
    if (!names.has(name)) continue;
    if (name === 'canonicalname') attributes.push({ name: 'canonicalName', values: [Buffer.from(canonicalNameOf(store, entry), 'utf8')] });
    if (name === 'tokengroups' && options.baseScope) {
      const sids = tokenGroupSids(store, entry);
      if (sids.length > 0) attributes.push({ name: 'tokenGroups', values: sids.map(sidToBuffer) });
    }
  }
  return options.typesOnly ? attributes.map((attribute) => ({ name: attribute.name, values: [] })) : attributes;
}

/** `corp.contoso.test/Contoso/People/Alice Anders`, with `/` in a name escaped as `\/`. */
export function canonicalNameOf(store: DirectoryStore, entry: DirectoryEntry): string {
  const names: string[] = [];
  let current: DirectoryEntry | undefined = entry;
  let domain = '';
  while (current) {
    const rdnType = current.key.slice(0, current.key.indexOf('='));
    if (rdnType === 'dc') {
      domain = current.key
        .split('\u0000')
        .map((part) => part.slice(3))
        .join('.');
      break;
    }
    names.unshift((textOf(current, 'name') ?? '').replaceAll('/', '\\/'));
    current = store.parentOf(current);
  }
  return `${domain}/${names.join('/')}`;
}

/** The SIDs a logon token would carry: nested security groups and the primary group. */
export function tokenGroupSids(store: DirectoryStore, entry: DirectoryEntry): string[] {
  return transitiveGroups(store, entry, { followPrimaryGroup: true, securityOnly: true }).flatMap((group) => sidOf(group) ?? []);
}
