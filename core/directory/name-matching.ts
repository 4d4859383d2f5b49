import { BUILTIN_DOMAIN, isBuiltinSid } from '../../contract/account-name.ts';
import type { DirectoryObject, DomainInfo } from '../../contract/directory.ts';
import { parseDn } from './dn.ts';
import type { NameForm } from './name-forms.ts';

/** The attributes ANR compares a prefix against, as far as the console asks for them. */
export type AnrFacts = { readonly givenName?: string | undefined; readonly sn?: string | undefined; readonly mail?: string | undefined };

/**
 * Decide client-side whether an object is an exact match for a typed name.
 *
 * One batched search fetches the candidates for every name; this tells which name each
 * candidate answers. Comparisons are case-insensitive, as AD's are for these attributes.
 */
export function matchesExactly(form: NameForm, object: DirectoryObject, domain: DomainInfo): boolean {
  switch (form.form) {
    case 'sid':
      return object.sid.toUpperCase() === form.sid.toUpperCase();
    case 'guid':
      return object.guid === form.guid;
    case 'dn':
      return sameDn(form.distinguishedName, object.distinguishedName);
    case 'down-level':
      // A prefix that is not this domain may be part of a name ("Back\Slash" is a valid cn).
      // BUILTIN\ names a built-in group (S-1-5-32-…), as Windows and this tool show them.
      if (isBuiltinPrefix(form.domain)) return isBuiltinSid(object.sid) && same(object.samAccountName, form.samAccountName);
      return isOurDomain(form.domain, domain)
        ? same(object.samAccountName, form.samAccountName)
        : matchesExactly({ form: 'plain', text: `${form.domain}\\${form.samAccountName}` }, object, domain);
    case 'upn':
      return same(object.userPrincipalName, form.userPrincipalName) || (same(form.domain, domain.dnsDomainName) && same(object.samAccountName, form.localPart));
    case 'sam-account-name':
      return same(object.samAccountName, form.samAccountName);
    case 'plain':
      return [form.text, form.text.trim()].some((text) => same(object.samAccountName, text) || same(object.name, text) || same(object.displayName, text));
  }
}

/**
 * Whether ambiguous name resolution would return this object for this prefix.
 *
 * Mirrors AD's ANR: a prefix of name, displayName, sAMAccountName, givenName, sn or mail, or
 * of "given surname" / "surname given" when the text has a space.
 */
export function matchesAnr(text: string, object: DirectoryObject, facts: AnrFacts): boolean {
  const prefix = text.trim().toLowerCase();
  const candidates = [object.name, object.displayName, object.samAccountName, facts.givenName, facts.sn, facts.mail];
  if (facts.givenName && facts.sn) candidates.push(`${facts.givenName} ${facts.sn}`, `${facts.sn} ${facts.givenName}`);
  return candidates.some((value) => value !== undefined && value.toLowerCase().startsWith(prefix));
}

/** True when a down-level prefix is BUILTIN, the domain of the S-1-5-32 groups. */
export function isBuiltinPrefix(prefix: string): boolean {
  return same(prefix, BUILTIN_DOMAIN);
}

/** True when a down-level domain prefix names this domain (NetBIOS or DNS name). */
export function isOurDomain(prefix: string, domain: DomainInfo): boolean {
  return same(prefix, domain.netbiosDomain) || same(prefix, domain.dnsDomainName);
}

/** Compare two DNs the way AD does: RDN by RDN, types and values case-insensitively. */
export function sameDn(left: string, right: string): boolean {
  const leftParts = parseDn(left);
  const rightParts = parseDn(right);
  if (!leftParts || !rightParts || leftParts.length !== rightParts.length) return false;
  return leftParts.every((part, index) => {
    const other = rightParts[index];
    return other !== undefined && same(part.type, other.type) && same(part.value, other.value);
  });
}

function same(left: string | undefined, right: string | undefined): boolean {
  return left !== undefined && right !== undefined && left.toLowerCase() === right.toLowerCase();
}
