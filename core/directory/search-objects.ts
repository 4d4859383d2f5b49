import type { BrowseEntry, DirectoryObject, ObjectTypeFilter } from '../../contract/directory.ts';
import { hiddenCharacterMessage } from '../../contract/hidden-characters.ts';
import { formatDn, parseDn } from './dn.ts';
import { DirectoryError } from './directory-error.ts';
import { isContainerClass, OBJECT_ATTRIBUTES, toDirectoryObject } from './directory-object.ts';
import { bufferOf, firstOf, valuesOf } from './entry-values.ts';
import { guidFromBuffer } from './guid.ts';
import { allOf, anyOf, equals, present } from './ldap-filter.ts';
import { signalOf, type DirectoryContext } from './find-objects.ts';
import { objectTypesFilter } from './object-type-filter.ts';
import { MAX_NAME_LENGTH } from './name-forms.ts';

/** What to search for: an ANR prefix (empty or `*` for everything), types, an optional base. */
export type SearchQuery = {
  readonly text: string;
  readonly types?: readonly ObjectTypeFilter[];
  readonly baseDn?: string;
  readonly pageSize?: number;
};

/**
 * Search the domain page by page, as the object picker scrolls.
 *
 * Every search is paged, so AD's 1,000-entry MaxPageSize never truncates a result; each page
 * is yielded as it arrives so the caller can show progress and stop early.
 */
export async function* searchDirectory(context: DirectoryContext, query: SearchQuery): AsyncGenerator<DirectoryObject[]> {
  const text = query.text.trim();
  if (text.length > MAX_NAME_LENGTH)
    throw new DirectoryError('INVALID_INPUT', `The search text is ${text.length} characters long; the limit is ${MAX_NAME_LENGTH}.`);
  const hidden = hiddenCharacterMessage(query.text, 'the search text');
  if (hidden !== undefined) throw new DirectoryError('INVALID_INPUT', hidden);
  const everything = text === '' || text === '*';
  const typeFilter = query.types && query.types.length > 0 ? objectTypesFilter(query.types) : undefined;
  // Every object a type filter selects has a SID already; `(objectSid=*)` only narrows an
  // untyped "everything" search to security principals, and costs the server time otherwise.
  const textFilter = everything ? (typeFilter ? undefined : present('objectSid')) : equals('anr', text);
  const pages = context.session.searchPages({
    base: query.baseDn === undefined ? context.domain.defaultNamingContext : normalizeBase(query.baseDn),
    scope: 'sub',
    filter: allOf(...[typeFilter, textFilter].filter((filter) => filter !== undefined)),
    attributes: OBJECT_ATTRIBUTES,
    ...(query.pageSize ? { pageSize: query.pageSize } : {}),
    ...signalOf(context),
  });
  for await (const page of pages) yield page.flatMap((entry) => toDirectoryObject(entry, context.domain.domainSid) ?? []);
}

/**
 * The children of one container (one level), for the OU tree and the browse view.
 *
 * `containersOnly` keeps organizational units and containers, which is all the tree needs.
 */
export async function browseChildren(context: DirectoryContext, parentDn: string, containersOnly = false): Promise<BrowseEntry[]> {
  const containerFilter = anyOf(...['organizationalUnit', 'container', 'builtinDomain', 'lostAndFound'].map((name) => equals('objectClass', name)));
  const entries = await context.session.searchAll({
    base: normalizeBase(parentDn),
    scope: 'one',
    filter: containersOnly ? containerFilter : present('objectClass'),
    attributes: ['name', 'objectClass', 'objectGUID'],
    ...signalOf(context),
  });
  return entries
    .map((entry) => {
      const classes = valuesOf(entry, 'objectClass');
      const guid = bufferOf(entry, 'objectGUID');
      return {
        distinguishedName: entry.dn,
        name: firstOf(entry, 'name') ?? entry.dn,
        objectClass: classes[classes.length - 1] ?? 'top',
        isContainer: isContainerClass(classes),
        guid: guid ? guidFromBuffer(guid) : '',
      };
    })
    .sort((left, right) => Number(right.isContainer) - Number(left.isContainer) || left.name.localeCompare(right.name));
}

/**
 * Check a DN typed by an admin and re-escape it, so only a well-formed DN reaches the server.
 */
export function normalizeBase(text: string): string {
  const rdns = parseDn(text.trim());
  if (!rdns) throw new DirectoryError('INVALID_INPUT', `"${text}" is not a distinguished name. Use the form OU=Servers,DC=contoso,DC=com.`);
  return formatDn(rdns);
}
