import { API_ROUTES } from '../../../contract/connector-api/index.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { expectedVersionOf } from '../http/if-match.ts';
import { etagOf } from '../http/preconditions.ts';
import { registerRoute, type RouteHost } from '../http/register-route.ts';
import { changeContextOf, type ServiceContext } from '../service-context.ts';

const MISSING_IF_MATCH =
  'Reviewing needs an If-Match header with the ETag of the super users as read. Read them first (GET /v1/super-users) and send its ETag.';

/**
 * The effective super users: the snapshot the nodes keep, and the admin's review of it.
 *
 * A review is conditional: it says "I looked at this set", so a set that changed since it was
 * read is refused (412) rather than marked reviewed unseen.
 */
export function registerSuperUserRoutes(host: RouteHost, context: ServiceContext): void {
  registerRoute(host, API_ROUTES.superUsers, async () => {
    const superUsers = await context.store.superUsers();
    return { status: 200, body: superUsers, headers: { etag: etagOf(superUsers.version) } };
  });
  registerRoute(host, API_ROUTES.reviewSuperUsers, async ({ raw, principal }) => {
    const expected = expectedVersionOf(raw.headers['if-match'], MISSING_IF_MATCH);
    const outcome = await context.store.reviewSuperUsers(expected, changeContextOf(context, principal, raw));
    if (outcome.status === 'stale')
      throw new ApiFailure('PRECONDITION_FAILED', 'The super users changed since you read them. Read them again, look at what changed, and review again.', {
        headers: { etag: etagOf(outcome.currentVersion) },
      });
    return { status: 200, body: { review: outcome.review }, headers: { etag: etagOf(outcome.review.version) } };
  });
}
