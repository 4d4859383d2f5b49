import { ConnectorError } from '../../core/connector/index.ts';
import { consoleFailure } from './console-failure.ts';
import type { HandlerTable } from './handler-types.ts';
import { sessionHandler } from './handler-types.ts';

/**
 * What a review of a set that changed since the admin looked answers (the service's 412).
 *
 * The page re-reads the snapshot on this code, so the message can say the new changes are shown.
 */
export const SUPER_USERS_CHANGED = {
  code: 'SUPER_USERS_CHANGED',
  title: 'The super users changed since you looked',
  message: 'The super users changed since you looked: the page shows the new changes; review them, then mark them as reviewed again.',
} as const;

/**
 * Super-user drift (issue 18): the service's snapshot of the effective super users and
 * "Mark as reviewed", through the signed-in session's client.
 *
 * A service that keeps no snapshot (older than drift: 404) answers `{ kept: false }` instead
 * of an error, so the page still shows the directory expansion. A review is conditional on
 * the version the admin saw; a set that changed meanwhile is refused, never acknowledged unseen.
 */
export function createSuperUserDriftHandlers(): Pick<HandlerTable, 'super-users:snapshot' | 'super-users:review'> {
  return {
    'super-users:snapshot': sessionHandler(async (_request, { session, signal }) => {
      try {
        const { superUsers } = await session.client.superUsers({ signal });
        return { kept: true as const, snapshot: superUsers };
      } catch (error) {
        if (error instanceof ConnectorError && error.status === 404) return { kept: false as const };
        throw error;
      }
    }),
    'super-users:review': sessionHandler(async (request, { session, signal }) => {
      try {
        return await session.client.reviewSuperUsers(request.version, { signal });
      } catch (error) {
        if (error instanceof ConnectorError && error.code === 'PRECONDITION_FAILED')
          throw consoleFailure(SUPER_USERS_CHANGED.code, SUPER_USERS_CHANGED.title, SUPER_USERS_CHANGED.message);
        throw error;
      }
    }),
  };
}
