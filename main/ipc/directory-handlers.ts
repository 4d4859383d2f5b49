import { untilAborted } from './abortable.ts';
import { containerWithinDomain } from './directory-location.ts';
import type { HandlerTable } from './handler-types.ts';
import { sessionHandler } from './handler-types.ts';

type DirectoryChannels = 'directory:resolve-names' | 'directory:search-start' | 'directory:search-next' | 'directory:search-close' | 'directory:browse';

/**
 * The object picker's channels: Check Names, paged search, and the OU tree.
 *
 * A search stays open between calls (one page each) in the session's search registry, so a
 * large domain is read only as far as the admin scrolls.
 */
export function createDirectoryHandlers(): Pick<HandlerTable, DirectoryChannels> {
  return {
    'directory:resolve-names': sessionHandler(
      (request, { session, signal }) =>
        session.directory.resolveNames(request.names, { ...(request.types === undefined ? {} : { types: request.types }), signal }),
      { cancellable: true },
    ),
    'directory:search-start': sessionHandler(
      async (request, { session, signal }) => {
        const { location } = request;
        const baseDn = location.kind === 'container' ? containerWithinDomain(location.distinguishedName, session.directory.domain) : undefined;
        const directory = location.kind === 'global-catalog' ? await untilAborted(session.globalCatalog(), signal) : session.directory;
        const query = { text: request.text, types: request.types, pageSize: request.pageSize, ...(baseDn === undefined ? {} : { baseDn }) };
        return session.searches.open((own) => directory.search(query, own), signal);
      },
      { cancellable: true },
    ),
    'directory:search-next': sessionHandler((request, { session }) => session.searches.next(request.searchId)),
    'directory:search-close': sessionHandler((request, { session }) => Promise.resolve({ closed: session.searches.close(request.searchId) })),
    'directory:browse': sessionHandler(
      (request, { session, signal }) => {
        const domain = session.directory.domain;
        const parentDn = request.parentDn === undefined ? domain.defaultNamingContext : containerWithinDomain(request.parentDn, domain);
        return session.directory.browse(parentDn, { containersOnly: true, signal });
      },
      { cancellable: true },
    ),
  };
}
