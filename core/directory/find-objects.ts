import type { Filter } from 'ldapts';
import type { DirectoryObject, DomainInfo } from '../../contract/directory.ts';
import { OBJECT_ATTRIBUTES, toDirectoryObject } from './directory-object.ts';
import type { LdapSession } from './ldap-session.ts';

/** The session and domain every directory query runs against, and how to cancel it. */
export type DirectoryContext = { readonly session: LdapSession; readonly domain: DomainInfo; readonly signal?: AbortSignal };

/**
 * Every security principal under the domain head that matches a filter, with all its facts.
 *
 * The one place that turns a subtree search into directory objects, so every caller asks for
 * the same attributes and maps them the same way.
 */
export async function findObjects(context: DirectoryContext, filter: Filter): Promise<DirectoryObject[]> {
  const entries = await context.session.searchAll({
    base: context.domain.defaultNamingContext,
    scope: 'sub',
    filter,
    attributes: OBJECT_ATTRIBUTES,
    ...signalOf(context),
  });
  return entries.flatMap((entry) => toDirectoryObject(entry, context.domain.domainSid) ?? []);
}

/** The abort signal of a context, as an optional search-request field. */
export function signalOf(context: DirectoryContext): { signal?: AbortSignal } {
  return context.signal ? { signal: context.signal } : {};
}
