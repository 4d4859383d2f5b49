import { API_ROUTES, type AuthorizedAccount, type NewAuthorizedAccount } from '../../../contract/connector-api/index.ts';
import type { Role } from '../../../contract/policy.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { expectedVersionOf } from '../http/if-match.ts';
import { notModifiedVersionsOf } from '../http/if-none-match.ts';
import { etagOf, fingerprintOf, idempotencyKeyOf } from '../http/preconditions.ts';
import { registerRoute, type RouteHost } from '../http/register-route.ts';
import { changeContextOf, type ServiceContext } from '../service-context.ts';
import type { AppliedListChange, ListChange, ListChangeOutcome } from '../store/config-store.ts';
import { versionMatches, type ExpectedVersion } from '../store/expected-version.ts';
import { checkEntries } from './check-entries.ts';

/**
 * The authorized-accounts list: read with an ETag, change only conditionally.
 *
 * The console's policy is advice; these routes are the guard: role and SID syntax by schema,
 * existence and the policy's blocking findings against the directory, duplicates and the
 * version in the same transaction as the write.
 */
export function registerAuthorizedAccountRoutes(host: RouteHost, context: ServiceContext): void {
  registerRoute(host, API_ROUTES.listAuthorizedAccounts, async ({ raw }) => {
    const unchanged = notModifiedVersionsOf(raw.headers['if-none-match']);
    if (unchanged !== undefined) {
      // A poll: while the change feed hears every commit, the version it last read answers
      // without touching the database (a change made elsewhere a moment ago shows on the next poll).
      const { hub } = context.feed;
      const version = hub.isCurrent() ? hub.position().listVersion : await context.store.authorizedAccountsVersion();
      if (versionMatches(unchanged, version)) return { status: 304, body: undefined, headers: { etag: etagOf(version) } };
    }
    const list = await context.listCache.read();
    return { status: 200, json: list.json, headers: { etag: etagOf(list.version) } };
  });

  registerRoute(host, API_ROUTES.addAuthorizedAccount, async ({ raw, body: request, principal }) => {
    const expectedVersion = expectedVersionOf(raw.headers['if-match']);
    const key = idempotencyKeyOf(raw.headers['idempotency-key']);
    // A stale request is refused before anything is written (no claim): under contention most
    // attempts end here, and each write is a synchronous commit on a replicated database.
    // A key whose change is stored skips the check: its first answer is replayed whatever the version.
    const replay = key !== undefined && (await context.store.idempotencyKeyCompleted(principal.sid, key));
    if (!replay) await refuseIfStale(context, expectedVersion);
    const claimed = key !== undefined && !replay && (await claimKey(context, principal.sid, key)) === 'claimed';
    let applied: AppliedListChange | undefined;
    try {
      const [entry] = await checkEntries(context, [request]);
      if (!entry) throw new Error('checkEntries returned no entry for one request.');
      await stillAdministrator(context, raw.headers.authorization);
      const change: ListChange = {
        context: changeContextOf(context, principal, raw),
        expectedVersion,
        add: [entry],
        remove: [],
        ...(key === undefined ? {} : { idempotency: { scope: principal.sid, key, fingerprint: fingerprintOf('add', request) } }),
      };
      applied = appliedOrFailure(await context.store.applyListChange(change));
      const [added] = applied.added;
      return {
        status: 201,
        body: { entry: added, version: applied.version, superUserFeatureEnabled: applied.superUserFeatureEnabled },
        headers: { etag: etagOf(applied.version) },
      };
    } finally {
      // An applied change released its claim in its own commit; anything else lets go here.
      if (claimed && applied === undefined) context.claims.release(principal.sid, key);
    }
  });

  registerRoute(host, API_ROUTES.removeAuthorizedAccount, async ({ raw, params: { id }, principal }) => {
    const expectedVersion = expectedVersionOf(raw.headers['if-match']);
    const applied = appliedOrFailure(
      await context.store.applyListChange({ context: changeContextOf(context, principal, raw), expectedVersion, add: [], remove: [id] }),
    );
    return { status: 200, body: { removed: applied.removed[0], version: applied.version }, headers: { etag: etagOf(applied.version) } };
  });

  registerRoute(host, API_ROUTES.replaceAuthorizedAccounts, async ({ raw, body: { entries }, principal }) => {
    const expectedVersion = expectedVersionOf(raw.headers['if-match']);
    refuseRepeats(entries);
    const current = await context.store.listAuthorizedAccounts();
    if (!versionMatches(expectedVersion, current.version)) throw stale(current.version);
    const keyOf = (sid: string, role: Role) => `${sid}\n${role}`;
    const wanted = new Set(entries.map((entry) => keyOf(entry.sid, entry.role)));
    const present = new Set(current.entries.map((entry) => keyOf(entry.sid, entry.role)));
    const toAdd = await checkEntries(
      context,
      entries.filter((entry) => !present.has(keyOf(entry.sid, entry.role))),
    );
    await stillAdministrator(context, raw.headers.authorization);
    const toRemove = current.entries.filter((entry: AuthorizedAccount) => !wanted.has(keyOf(entry.sid, entry.role))).map((entry) => entry.id);
    const applied = appliedOrFailure(
      await context.store.applyListChange({ context: changeContextOf(context, principal, raw), expectedVersion, add: toAdd, remove: toRemove }),
    );
    return { status: 200, body: applied, headers: { etag: etagOf(applied.version) } };
  });
}

/** How long a claimed idempotency key stays claimed if its node dies before answering. */
export const IDEMPOTENCY_CLAIM_SECONDS = 30;

/**
 * Claim the request's idempotency key in the store every node shares.
 *
 * A retry through another node while the first request still works is answered 409 (a stored
 * claim, not a per-process set); a key whose change is stored goes on and is replayed.
 */
async function claimKey(context: ServiceContext, scope: string, key: string): Promise<'claimed' | 'completed'> {
  const at = context.now();
  const claim = await context.store.claimIdempotencyKey({
    scope,
    key,
    node: context.nodeName,
    at: at.toISOString(),
    expiresAt: new Date(at.getTime() + IDEMPOTENCY_CLAIM_SECONDS * 1000).toISOString(),
  });
  if (claim === 'in-progress')
    throw new ApiFailure('REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed. Wait for its answer before retrying.', {
      headers: { 'retry-after': '2' },
    });
  return claim;
}

/**
 * Decide the admin's access again just before a write that followed directory work.
 *
 * An import checks up to 10,000 entries against the directory first; an admin removed
 * meanwhile must not have it committed. The check costs one small store read (bench/README).
 */
async function stillAdministrator(context: ServiceContext, authorization: string | undefined): Promise<void> {
  await context.access.authorize(authorization);
}

async function refuseIfStale(context: ServiceContext, expectedVersion: ExpectedVersion): Promise<void> {
  const version = await context.store.authorizedAccountsVersion();
  if (!versionMatches(expectedVersion, version)) throw stale(version);
}

function refuseRepeats(entries: readonly NewAuthorizedAccount[]): void {
  const seen = new Set<string>();
  const repeats = entries.filter((entry) => {
    const key = `${entry.sid}\n${entry.role}`;
    const repeated = seen.has(key);
    seen.add(key);
    return repeated;
  });
  if (repeats.length > 0) {
    throw new ApiFailure(
      'VALIDATION_FAILED',
      `The list repeats ${String(repeats.length)} entr${repeats.length === 1 ? 'y' : 'ies'} (same SID and role). Keep each once.`,
      { details: repeats.slice(0, 20).map((entry) => `${entry.name} (${entry.sid}) as ${entry.role}`) },
    );
  }
}

function appliedOrFailure(outcome: ListChangeOutcome) {
  switch (outcome.status) {
    case 'applied':
    case 'replayed':
      return outcome.change;
    case 'stale':
      throw stale(outcome.currentVersion);
    case 'duplicate':
      throw new ApiFailure(
        'ALREADY_AUTHORIZED',
        `${outcome.existing.name} (${outcome.existing.sid}) is already allowed to utilize the connector as ${outcome.existing.role}.`,
      );
    case 'missing':
      throw new ApiFailure('NOT_FOUND', `No entry with id ${outcome.id}: someone may have removed it already. Reload the list.`);
    case 'key-reused':
      throw new ApiFailure('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request. Use a new key for a new change.');
  }
}

function stale(currentVersion: number): ApiFailure {
  return new ApiFailure('PRECONDITION_FAILED', 'The list was changed by someone else since you read it. Reload it, check the change, and try again.', {
    headers: { etag: etagOf(currentVersion) },
  });
}
