import { API_ROUTES, ROLE_CHANGE_PLACES, type ApiErrorCode } from '../../../contract/connector-api/index.ts';
import {
  judgeObject,
  judgePrincipal,
  PRINCIPAL_TYPES,
  type PrincipalPurpose,
  type PrincipalRefusal,
  type PrincipalVerdict,
} from '../auth/administrator-principal.ts';
import { directoryCall } from '../auth/directory-call.ts';
import type { Principal } from '../auth/tokens.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { expectedVersionOf } from '../http/if-match.ts';
import { etagOf } from '../http/preconditions.ts';
import { registerRoute, type RouteHost } from '../http/register-route.ts';
import { changeContextOf, type ServiceContext } from '../service-context.ts';
import type { AdministrationAction, AdministrationChangeOutcome } from '../store/administration-change.ts';
import { versionMatches, type ExpectedVersion } from '../store/expected-version.ts';
import { refuseHiddenDirectoryNames } from './check-entries.ts';
import type { FastifyRequest } from 'fastify';

const MISSING_IF_MATCH = 'Changing the administration needs an If-Match header with its ETag. Read it first (GET /v1/administration) and send its ETag.';

/**
 * Role-based administrators and onboarding control, changed through the API
 * (Add/Remove-AipServiceRoleBasedAdministrator, Set-AipServiceOnboardingControlPolicy).
 *
 * Only a GlobalAdministrator may change them; every change is conditional on the version the
 * admin read, names its account or group by SID or by a name the directory resolves, stores the
 * directory's own name, and is audited in the same transaction.
 */
export function registerAdministratorRoutes(host: RouteHost, context: ServiceContext): void {
  registerRoute(host, API_ROUTES.addAdministrator, async ({ raw, body, principal }) => {
    const expectedVersion = await conditionOf(context, principal, raw);
    const found = await findPrincipal(context, body, 'role');
    const action: AdministrationAction = {
      kind: 'add-administrator',
      administrator: { sid: found.object.sid, name: found.accountName, kind: found.kind, role: body.role },
    };
    const { administration } = await change(context, raw, expectedVersion, action, `${found.accountName} already holds ${body.role}.`);
    const administrator = administration.administrators.find((entry) => entry.sid === found.object.sid && entry.role === body.role);
    if (!administrator) throw new Error('The added role assignment is missing from the administration read after it.');
    return { status: 201, body: { administrator, version: administration.version }, headers: { etag: etagOf(administration.version) } };
  });

  registerRoute(host, API_ROUTES.removeAdministrator, async ({ raw, params: { role, sid }, principal }) => {
    const expectedVersion = await conditionOf(context, principal, raw);
    const { administration, removed } = await change(context, raw, expectedVersion, { kind: 'remove-administrator', sid, role });
    if (!removed) throw new Error('A removal was applied without the assignment it removed.');
    return { status: 200, body: { removed, version: administration.version }, headers: { etag: etagOf(administration.version) } };
  });

  registerRoute(host, API_ROUTES.setOnboardingControl, async ({ raw, body, principal }) => {
    const expectedVersion = await conditionOf(context, principal, raw);
    const found = await findPrincipal(context, body, 'onboarding');
    await refuseSelfLockOut(context, principal, found);
    const group = { sid: found.object.sid, name: found.accountName };
    const { administration } = await change(context, raw, expectedVersion, { kind: 'set-onboarding', group });
    return {
      status: 200,
      body: { onboardingControl: administration.onboardingControl, version: administration.version },
      headers: { etag: etagOf(administration.version) },
    };
  });

  registerRoute(host, API_ROUTES.clearOnboardingControl, async ({ raw, principal }) => {
    const expectedVersion = await conditionOf(context, principal, raw);
    const { administration } = await change(context, raw, expectedVersion, { kind: 'set-onboarding', group: null });
    return {
      status: 200,
      body: { onboardingControl: administration.onboardingControl, version: administration.version },
      headers: { etag: etagOf(administration.version) },
    };
  });
}

/** Refuse anyone but a GlobalAdministrator, saying who can make the change. */
export function requireGlobalAdministrator(principal: Principal): void {
  if (principal.roles.includes('GlobalAdministrator')) return;
  throw new ApiFailure(
    'GLOBAL_ADMINISTRATOR_REQUIRED',
    `${principal.name} holds ${principal.roles.join(' and ') || 'no role'}; only a GlobalAdministrator may change who administers the connector or the onboarding-control group. Ask a GlobalAdministrator to make the change, or to give you the GlobalAdministrator role in ${ROLE_CHANGE_PLACES}.`,
  );
}

/** The role check, then the request's If-Match, refused early (before any directory work) when already stale. */
async function conditionOf(context: ServiceContext, principal: Principal, raw: FastifyRequest): Promise<ExpectedVersion> {
  requireGlobalAdministrator(principal);
  const expected = expectedVersionOf(raw.headers['if-match'], MISSING_IF_MATCH);
  const { version } = await context.store.administration();
  if (!versionMatches(expected, version)) throw stale(version);
  return expected;
}

type FoundPrincipal = Extract<PrincipalVerdict, { status: 'accepted' }> & { readonly accountName: string };

const REFUSAL_CODES: Readonly<Record<PrincipalRefusal, ApiErrorCode>> = {
  'not-found': 'NAME_NOT_FOUND',
  ambiguous: 'NAME_AMBIGUOUS',
  'not-security-group': 'NOT_SECURITY_GROUP',
  'wrong-kind': 'ADMINISTRATOR_KIND_REFUSED',
};

/** The user or group a request names, by SID or by name, judged by the rule the local command line uses. */
async function findPrincipal(
  context: ServiceContext,
  reference: { readonly sid?: string | undefined; readonly name?: string | undefined },
  purpose: PrincipalPurpose,
): Promise<FoundPrincipal> {
  let verdict: PrincipalVerdict;
  let accountName: string | undefined;
  if (reference.sid !== undefined) {
    const sid = reference.sid;
    const found = (await directoryCall(() => context.directory.objectsBySid([sid]))).get(sid);
    if (!found) throw new ApiFailure('SID_NOT_FOUND', `${sid} is not in the directory. The account or group may have been deleted; pick it again.`);
    verdict = judgeObject(found.object, purpose);
    accountName = found.accountName;
  } else {
    const name = reference.name ?? '';
    const named = await directoryCall(() => context.directory.resolveName(name, PRINCIPAL_TYPES[purpose]));
    verdict = judgePrincipal(named.resolution, name, purpose);
    accountName = named.accountName;
  }
  if (verdict.status === 'refused') throw new ApiFailure(REFUSAL_CODES[verdict.reason], verdict.message);
  if (accountName === undefined) throw new Error('A resolved principal came without its directory name.');
  refuseHiddenDirectoryNames([{ object: verdict.object, accountName }]);
  return { ...verdict, accountName };
}

/**
 * Refuse an onboarding group the signed-in administrator is not in: their very next request
 * would be refused, and only the service's local command line could undo it.
 */
async function refuseSelfLockOut(context: ServiceContext, principal: Principal, group: FoundPrincipal): Promise<void> {
  const account = await directoryCall(() => context.directory.accountBySid(principal.sid));
  if (account?.groupSids.has(group.object.sid)) return;
  throw new ApiFailure(
    'ONBOARDING_WOULD_LOCK_OUT',
    `${principal.name} is not a member of ${group.accountName}: with it as the onboarding-control group you could no longer sign in. Add your account to the group in Active Directory first (membership counts from your next sign-in), then set it.`,
  );
}

/**
 * Re-check the administrator (the directory work took time; a role removed meanwhile must not
 * let the change through), then apply it conditionally.
 */
async function change(
  context: ServiceContext,
  raw: FastifyRequest,
  expectedVersion: ExpectedVersion,
  action: AdministrationAction,
  duplicate = 'The role assignment exists already.',
): Promise<AppliedAdministrationChange> {
  const principal = await context.access.authorize(raw.headers.authorization);
  requireGlobalAdministrator(principal);
  const outcome = await context.store.changeAdministration({ context: changeContextOf(context, principal, raw), expectedVersion, action });
  return appliedOrFailure(outcome, action, duplicate);
}

type AppliedAdministrationChange = Extract<AdministrationChangeOutcome, { status: 'applied' }>;

function appliedOrFailure(outcome: AdministrationChangeOutcome, action: AdministrationAction, duplicate: string): AppliedAdministrationChange {
  switch (outcome.status) {
    case 'applied':
      return outcome;
    case 'stale':
      throw stale(outcome.currentVersion);
    case 'duplicate':
      throw new ApiFailure('ALREADY_ADMINISTRATOR', `${duplicate} Nothing changed.`);
    case 'missing':
      throw new ApiFailure('NOT_FOUND', `${describe(action)} does not hold that role: someone may have removed it already. Reload the administration.`);
    case 'last-global-administrator':
      throw new ApiFailure(
        'LAST_GLOBAL_ADMINISTRATOR',
        `${describe(action)} is the last GlobalAdministrator assignment; without it nobody could change the administration any more. Give another user or group the GlobalAdministrator role first, then remove this one.`,
      );
  }
}

function describe(action: AdministrationAction): string {
  return action.kind === 'remove-administrator' ? `${action.sid} (${action.role})` : 'The assignment';
}

function stale(currentVersion: number): ApiFailure {
  return new ApiFailure(
    'PRECONDITION_FAILED',
    'The administration was changed by someone else since you read it. Reload it, check the change, and try again.',
    {
      headers: { etag: etagOf(currentVersion) },
    },
  );
}
