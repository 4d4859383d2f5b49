import { DirectoryError } from '../../core/directory/index.ts';
import type { HandlerTable } from './handler-types.ts';
import { sessionHandler } from './handler-types.ts';

/**
 * `directory:properties`: one account's Properties panel, read from the session's directory.
 *
 * The renderer names the account by SID only (the contract refuses anything else), so no DN or
 * filter text of its choosing reaches the directory; a SID no object has is `NOT_FOUND`.
 */
export function createPropertiesHandlers(): Pick<HandlerTable, 'directory:properties'> {
  return {
    'directory:properties': sessionHandler(
      async (request, { session, signal }) => {
        const properties = await session.directory.accountProperties(request.sid, { transitive: request.transitive ?? false, signal });
        if (properties === undefined) throw new DirectoryError('NOT_FOUND', `No object in the directory has the SID ${request.sid}.`);
        return properties;
      },
      { cancellable: true },
    ),
  };
}
