import { randomBytes } from 'node:crypto';
import { childrenOf, decodeInteger, readTlvAt, TAG } from './ber.ts';
import { parseGuid, guidToBuffer } from '../../../core/directory/guid.ts';
import { isSidString } from '../../../core/directory/sid.ts';
import { dnKey, type DirectoryEntry, type DirectoryStore } from './directory-store.ts';
import { entryAttributes } from './entry-attributes.ts';
import { LdapFailure, RESULT } from './ldap-failure.ts';
import type { LdapRequest, RequestControl, ResultAttribute } from './ldap-messages.ts';
import { matchFilter, type MatchContext } from './filter-match.ts';
import { rootDseAttributes, type RootDseFacts } from './root-dse.ts';

/** AD's MaxPageSize: no page, and no unpaged search, returns more entries than this. */
export const MAX_PAGE_SIZE = 1000;
export const PAGED_RESULTS_OID = '1.2.840.113556.1.4.319';
/** Controls a client may mark critical that do not change what the demo returns. */
const HARMLESS_CONTROLS = new Set([PAGED_RESULTS_OID, '1.2.840.113556.1.4.801', '1.2.840.113556.1.4.1339', '1.2.840.113556.1.4.417', '1.2.840.113556.1.4.529']);
/** How many paged searches one connection may keep open (AD's MaxResultSetsPerConn is 10). */
const MAX_OPEN_PAGED_SEARCHES = 10;

/** One paged search in progress on a connection. */
type PagedSearch = { readonly results: readonly DirectoryEntry[]; offset: number; readonly sizeLimit: number; readonly scope: string };

/** What a connection keeps between the pages of its searches. */
export type PagingState = Map<string, PagedSearch>;

/** A search's answer: entries to send, and how the SearchResultDone should read. */
export type SearchOutcome = {
  readonly entries: readonly { readonly dn: string; readonly attributes: readonly ResultAttribute[] }[];
  readonly resultCode: number;
  readonly diagnostic: string;
  readonly pagedCookie?: Buffer;
};

/** The directory a search runs against. */
export type SearchTarget = { readonly store: DirectoryStore; readonly rootDse: RootDseFacts };

/**
 * Run one search request as AD would: resolve the base (DN, `<SID=…>` or `<GUID=…>`),
 * walk the scope inside the base's naming context, filter, then page or cap at 1,000.
 */
export function searchDirectory(
  target: SearchTarget,
  request: Extract<LdapRequest, { kind: 'search' }>,
  controls: readonly RequestControl[],
  paging: PagingState,
): SearchOutcome {
  const critical = controls.find((control) => control.critical && !HARMLESS_CONTROLS.has(control.type));
  if (critical)
    throw new LdapFailure(
      RESULT.unavailableCriticalExtension,
      `00002040: SvcErr: DSID-03140594, problem 5010 (UNAVAIL_EXTENSION), data 0 (control ${critical.type})`,
    );
  const requested = request.attributes.map((attribute) => attribute.toLowerCase());
  if (request.base === '' && request.scope === 'base') {
    const all = rootDseAttributes(target.rootDse, new Date());
    const wanted = requested.length === 0 || requested.includes('*') ? all : all.filter((attribute) => requested.includes(attribute.name.toLowerCase()));
    return {
      entries: [{ dn: '', attributes: request.typesOnly ? wanted.map((attribute) => ({ name: attribute.name, values: [] })) : wanted }],
      resultCode: RESULT.success,
      diagnostic: '',
    };
  }
  const paged = controls.find((control) => control.type === PAGED_RESULTS_OID);
  const page = paged ? decodePagedControl(paged.value) : undefined;
  let search: PagedSearch;
  let cookieId: string | undefined;
  if (page && page.cookie.length > 0) {
    cookieId = page.cookie.toString('hex');
    const existing = paging.get(cookieId);
    if (!existing)
      throw new LdapFailure(
        RESULT.unwillingToPerform,
        '00002024: LdapErr: DSID-0C090ADA, comment: Error processing control, data 0 (the paged-results cookie is unknown or expired)',
      );
    search = existing;
    paging.delete(cookieId);
    if (page.size === 0) return { entries: [], resultCode: RESULT.success, diagnostic: '', pagedCookie: Buffer.alloc(0) };
  } else {
    search = { results: findEntries(target.store, request), offset: 0, sizeLimit: request.sizeLimit, scope: request.scope };
  }
  const available = search.sizeLimit > 0 ? Math.min(search.results.length, search.sizeLimit) : search.results.length;
  const pageSize = page ? Math.min(page.size > 0 ? page.size : MAX_PAGE_SIZE, MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
  const slice = search.results.slice(search.offset, Math.min(available, search.offset + pageSize));
  search.offset += slice.length;
  const entries = slice.map((entry) => ({
    dn: entry.dn,
    attributes: entryAttributes(target.store, entry, requested, { baseScope: request.scope === 'base', typesOnly: request.typesOnly }),
  }));
  const more = search.offset < available;
  if (page) {
    if (!more) {
      const limited = search.sizeLimit > 0 && search.results.length > search.sizeLimit;
      return {
        entries,
        resultCode: limited ? RESULT.sizeLimitExceeded : RESULT.success,
        diagnostic: limited ? 'Size limit exceeded' : '',
        pagedCookie: Buffer.alloc(0),
      };
    }
    if (paging.size >= MAX_OPEN_PAGED_SEARCHES) paging.delete(paging.keys().next().value as string);
    const nextCookie = randomBytes(12);
    paging.set(nextCookie.toString('hex'), search);
    return { entries, resultCode: RESULT.success, diagnostic: '', pagedCookie: nextCookie };
  }
  if (more || (search.sizeLimit > 0 && search.results.length > search.sizeLimit)) {
    return {
      entries,
      resultCode: RESULT.sizeLimitExceeded,
      diagnostic: more && available > MAX_PAGE_SIZE ? 'Size limit exceeded (MaxPageSize 1000: use the paged results control)' : 'Size limit exceeded',
    };
  }
  return { entries, resultCode: RESULT.success, diagnostic: '' };
}

/** Every entry in scope that matches the filter, in tree order. */
function findEntries(store: DirectoryStore, request: Extract<LdapRequest, { kind: 'search' }>): DirectoryEntry[] {
  const base = resolveBase(store, request.base);
  const context: MatchContext = { store, schemaDn: `CN=Schema,CN=Configuration,${rootOf(store)}`, closures: new Map() };
  const namingContext = namingContextOf(base);
  let candidates: readonly DirectoryEntry[];
  if (request.scope === 'base') candidates = [base];
  else if (request.scope === 'one') candidates = store.children(base).filter((entry) => namingContextOf(entry) === namingContext);
  else
    candidates = store.all().filter((entry) => (entry.key === base.key || entry.key.endsWith(`\u0000${base.key}`)) && namingContextOf(entry) === namingContext);
  return candidates.filter((entry) => matchFilter(context, entry, request.filter) === true);
}

function resolveBase(store: DirectoryStore, base: string): DirectoryEntry {
  const special = /^<(SID|GUID)=([^>]*)>$/i.exec(base);
  if (special) {
    const [, kind = '', value = ''] = special;
    const entry = kind.toUpperCase() === 'SID' ? bySidText(store, value) : byGuidText(store, value);
    if (!entry) throw new LdapFailure(RESULT.noSuchObject, `0000208D: NameErr: DSID-03100213, problem 2001 (NO_OBJECT), data 0, best match of:\n\t''\n`);
    return entry;
  }
  const key = dnKey(base);
  if (key === undefined)
    throw new LdapFailure(
      RESULT.invalidDnSyntax,
      `00002081: NameErr: DSID-03050F42, problem 2003 (BAD_ATT_SYNTAX), data 0, best match of:\n\t'${base.slice(0, 200)}'\n`,
    );
  const entry = store.get(base);
  if (entry) return entry;
  const matched = closestAncestor(store, base);
  throw new LdapFailure(RESULT.noSuchObject, `0000208D: NameErr: DSID-03100213, problem 2001 (NO_OBJECT), data 0, best match of:\n\t'${matched}'\n`, matched);
}

function bySidText(store: DirectoryStore, value: string): DirectoryEntry | undefined {
  if (isSidString(value)) return store.bySid(value);
  return /^([0-9a-f]{2})+$/i.test(value)
    ? store.all().find((entry) => entry.attributes.get('objectsid')?.values[0]?.toString('hex') === value.toLowerCase())
    : undefined;
}

function byGuidText(store: DirectoryStore, value: string): DirectoryEntry | undefined {
  const guid = parseGuid(value);
  if (guid) return store.byGuid(guidToBuffer(guid));
  return /^[0-9a-f]{32}$/i.test(value) ? store.byGuid(Buffer.from(value, 'hex')) : undefined;
}

function closestAncestor(store: DirectoryStore, base: string): string {
  const parts = base.split(/(?<!\\),/);
  for (let index = 1; index < parts.length; index += 1) {
    const entry = store.get(parts.slice(index).join(','));
    if (entry) return entry.dn;
  }
  return '';
}

/** Configuration entries are their own naming context: a domain subtree search never enters it. */
function namingContextOf(entry: DirectoryEntry): 'configuration' | 'domain' {
  const parts = entry.key.split('\u0000');
  const index = parts.indexOf('cn=configuration');
  return index >= 0 && parts.slice(index + 1).every((part) => part.startsWith('dc=')) ? 'configuration' : 'domain';
}

function rootOf(store: DirectoryStore): string {
  return store.all()[0]?.dn ?? '';
}

function decodePagedControl(value: Buffer | undefined): { size: number; cookie: Buffer } {
  const malformed = () =>
    new LdapFailure(RESULT.protocolError, '00002024: LdapErr: DSID-0C090ADA, comment: Error processing control, data 0 (malformed paged results control)');
  try {
    const read = value ? readTlvAt(value, 0) : undefined;
    if (!read || read.tlv.tag !== TAG.sequence) throw malformed();
    const [size, cookie] = childrenOf(read.tlv.value);
    if (size?.tag !== TAG.integer || cookie?.tag !== TAG.octetString) throw malformed();
    if (cookie.value.length > 64) throw malformed();
    return { size: Math.max(0, decodeInteger(size.value)), cookie: cookie.value };
  } catch (error) {
    throw error instanceof LdapFailure ? error : malformed();
  }
}
