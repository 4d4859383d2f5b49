import type { Entry, Filter } from 'ldapts';
import type { DirectoryObject, ObjectTypeFilter, Resolution } from '../../contract/directory.ts';
import { hiddenCharacterMessage } from '../../contract/hidden-characters.ts';
import { formatDn, parseDn } from './dn.ts';
import { DirectoryError } from './directory-error.ts';
import { OBJECT_ATTRIBUTES, toDirectoryObject } from './directory-object.ts';
import { firstOf } from './entry-values.ts';
import { guidToBuffer } from './guid.ts';
import { allOf, anyOf, equals } from './ldap-filter.ts';
import { signalOf, type DirectoryContext } from './find-objects.ts';
import { classifyName, MAX_NAME_LENGTH, type NameForm } from './name-forms.ts';
import { isBuiltinPrefix, isOurDomain, matchesAnr, matchesExactly } from './name-matching.ts';
import { objectTypesFilter } from './object-type-filter.ts';
import { sidToBuffer } from './sid.ts';

/** How many names one call may resolve. */
export const MAX_NAMES_PER_CALL = 500;
/** How many candidates an ambiguous name lists (the chooser shows these). */
export const MAX_CANDIDATES = 50;

type Candidate = { readonly object: DirectoryObject; readonly entry: Entry };

/**
 * Resolve typed names ("Check Names") to directory objects, batched.
 *
 * One search carries the exact forms of every name (SID, GUID, DN, DOMAIN\name, UPN, name$,
 * sAMAccountName, name, displayName); names that match nothing exactly go to one more
 * search by ambiguous name resolution, and only a name whose ANR candidates cannot be told
 * apart client-side costs a search of its own. Input is validated as a whole first: one bad
 * name refuses the call before anything is sent.
 */
export async function resolveNames(context: DirectoryContext, names: readonly string[], types: readonly ObjectTypeFilter[] = []): Promise<Resolution[]> {
  validateNames(names);
  const forms = names.map(classifyName);
  const typeFilter = types.length > 0 ? objectTypesFilter(types) : undefined;
  const exact = await search(context, anyOf(...forms.map((form) => exactFilter(form, context))), typeFilter);
  const matches = forms.map((form) => exact.filter((candidate) => matchesExactly(form, candidate.object, context.domain)));
  const anrIndexes = forms.flatMap((form, index) => (matches[index]?.length === 0 && anrTextOf(form) !== undefined ? [index] : []));
  if (anrIndexes.length > 0) {
    const texts = anrIndexes.map((index) => anrTextOf(forms[index] as NameForm) as string);
    const batch = await search(context, anyOf(...texts.map((text) => equals('anr', text))), typeFilter);
    for (const [position, index] of anrIndexes.entries()) {
      const text = texts[position] as string;
      let found = batch.filter((candidate) => matchesAnr(text, candidate.object, anrFactsOf(candidate.entry)));
      if (found.length === 0 && batch.length > 0 && anrIndexes.length > 1) found = await search(context, equals('anr', text), typeFilter);
      matches[index] = found;
    }
  }
  return names.map((input, index) => toResolution(input, forms[index] as NameForm, matches[index] ?? [], context));
}

function validateNames(names: readonly string[]): void {
  if (names.length === 0) throw new DirectoryError('INVALID_INPUT', 'Give at least one name to resolve.');
  if (names.length > MAX_NAMES_PER_CALL)
    throw new DirectoryError('INVALID_INPUT', `At most ${MAX_NAMES_PER_CALL} names can be resolved at once; ${names.length} were given.`);
  for (const [index, name] of names.entries()) {
    if (typeof name !== 'string' || name.trim() === '') throw new DirectoryError('INVALID_INPUT', 'A name is empty. Type a user, computer or group name.');
    if (name.length > MAX_NAME_LENGTH) throw new DirectoryError('INVALID_INPUT', `A name is ${name.length} characters long; the limit is ${MAX_NAME_LENGTH}.`);
    // Controls, invisible and bidi characters, lone surrogates: none is in a real name, and
    // each would let a typed name match or display as another.
    const hidden = hiddenCharacterMessage(name);
    if (hidden !== undefined) throw new DirectoryError('INVALID_INPUT', names.length > 1 ? `Name ${String(index + 1)}: ${hidden}` : hidden);
  }
}

function exactFilter(form: NameForm, context: DirectoryContext): Filter {
  switch (form.form) {
    case 'sid':
      return equals('objectSid', sidToBuffer(form.sid));
    case 'guid':
      return equals('objectGUID', guidToBuffer(form.guid));
    case 'dn':
      return equals('distinguishedName', formatDn(parseDn(form.distinguishedName) ?? []));
    case 'down-level':
      return isOurDomain(form.domain, context.domain) || isBuiltinPrefix(form.domain)
        ? equals('sAMAccountName', form.samAccountName)
        : plainFilter(`${form.domain}\\${form.samAccountName}`);
    case 'upn':
      return anyOf(equals('userPrincipalName', form.userPrincipalName), equals('sAMAccountName', form.localPart));
    case 'sam-account-name':
      return equals('sAMAccountName', form.samAccountName);
    case 'plain':
      return plainFilter(form.text);
  }
}

function plainFilter(text: string): Filter {
  const variants = [...new Set([text, text.trim()])];
  return anyOf(...variants.flatMap((variant) => [equals('sAMAccountName', variant), equals('name', variant), equals('displayName', variant)]));
}

/** Only a bare name goes to ANR: the other forms say exactly which attribute they name. */
function anrTextOf(form: NameForm): string | undefined {
  return form.form === 'plain' ? form.text.trim() : undefined;
}

async function search(context: DirectoryContext, filter: Filter, typeFilter: Filter | undefined): Promise<Candidate[]> {
  const entries = await context.session.searchAll({
    base: context.domain.defaultNamingContext,
    scope: 'sub',
    filter: typeFilter ? allOf(typeFilter, filter) : filter,
    attributes: OBJECT_ATTRIBUTES,
    ...signalOf(context),
  });
  return entries.flatMap((entry) => {
    const object = toDirectoryObject(entry, context.domain.domainSid);
    return object ? [{ object, entry }] : [];
  });
}

function anrFactsOf(entry: Entry) {
  return { givenName: firstOf(entry, 'givenName'), sn: firstOf(entry, 'sn'), mail: firstOf(entry, 'mail') };
}

function toResolution(input: string, form: NameForm, candidates: readonly Candidate[], context: DirectoryContext): Resolution {
  const unique = [...new Map(candidates.map((candidate) => [candidate.object.guid, candidate.object])).values()];
  const [only] = unique;
  if (unique.length === 1 && only) return { status: 'resolved', input, object: only };
  if (unique.length > 1) return { status: 'ambiguous', input, candidates: unique.slice(0, MAX_CANDIDATES) };
  return { status: 'not-found', input, reason: notFoundReason(form, context) };
}

function notFoundReason(form: NameForm, context: DirectoryContext): string {
  if (form.form === 'down-level' && !isOurDomain(form.domain, context.domain)) {
    return `"${form.domain}" is not this directory's domain (${context.domain.netbiosDomain}). Connect to a domain controller of ${form.domain}, or search the Global Catalog.`;
  }
  if (form.form === 'sid') return 'No object has this SID. If it was authorized before, the account was deleted: the entry is orphaned.';
  return 'No object matches this name. Check the spelling, or use Browse to search.';
}
