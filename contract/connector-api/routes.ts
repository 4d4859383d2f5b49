import type { z } from 'zod';
import {
  AddAdministratorResultSchema,
  AdministrationSchema,
  AdministratorParamsSchema,
  NewAdministratorSchema,
  OnboardingControlResultSchema,
  OnboardingGroupRequestSchema,
  RemoveAdministratorResultSchema,
  SessionSchema,
} from './administration.ts';
import { AuditPageSchema, AuditQuerySchema } from './audit.ts';
import {
  AddAuthorizedAccountResultSchema,
  AuthorizedAccountListSchema,
  EntryIdParamsSchema,
  NewAuthorizedAccountSchema,
  RemoveAuthorizedAccountResultSchema,
  ReplaceAuthorizedAccountsResultSchema,
  ReplaceAuthorizedAccountsSchema,
} from './authorized-accounts.ts';
import { ConnectorNodeListSchema } from './connectors.ts';
import { ApiErrorSchema } from './errors.ts';
import { KerberosSignInRequestSchema, SignInRequestSchema, SignInResponseSchema } from './sign-in.ts';
import { ReviewSuperUsersRequestSchema, ReviewSuperUsersResultSchema, SuperUsersSchema } from './super-users.ts';

/** A request header a route documents (the service checks it in the handler). */
export type HeaderSpec = {
  readonly name: 'If-Match' | 'If-None-Match' | 'Idempotency-Key' | 'Last-Event-ID';
  readonly required: boolean;
  readonly description: string;
};

/** One response of a route: JSON validated by `schema`, or another media type documented only. */
export type ResponseSpec = {
  readonly description: string;
  readonly schema?: z.ZodType;
  readonly contentType?: string;
  /** Response headers the answer documents, by name. */
  readonly headers?: Readonly<Record<string, string>>;
};

/**
 * One operation of the API: the single source for the server's routes, the OpenAPI
 * document and the client's types.
 */
export type RouteDefinition = {
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** OpenAPI form: `/v1/authorized-accounts/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly auth: boolean;
  /** Authenticated by `Authorization: Negotiate` (SPNEGO, RFC 4559) instead of a bearer token. */
  readonly negotiate?: boolean;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Largest accepted body in bytes (the service default is 64 KiB). */
  readonly bodyLimit?: number;
  readonly headers?: readonly HeaderSpec[];
  readonly responses: Readonly<Record<number, ResponseSpec>>;
};

const IF_MATCH: HeaderSpec = {
  name: 'If-Match',
  required: true,
  description:
    'The ETag of the list as last read, or several (any may match), or * (whatever the list is now), as RFC 9110 §13.1.1 defines it. Strong comparison: a weak tag never matches. No match gets 412 with the current ETag; none gets 428; a value that is not entity-tag syntax gets 400.',
};
const IF_MATCH_SUPER_USERS: HeaderSpec = {
  name: 'If-Match',
  required: true,
  description:
    'The ETag of GET /v1/super-users as read (the snapshot version, "7"), or * (whatever it is now), as RFC 9110 §13.1.1 defines it: the review is of the set the admin saw. An account that joined or left meanwhile gets 412 with the current ETag; no header gets 428.',
};
const IF_MATCH_ADMINISTRATION: HeaderSpec = {
  name: 'If-Match',
  required: true,
  description:
    'The ETag of GET /v1/administration as read ("12"), several, or * (whatever it is now), as RFC 9110 §13.1.1 defines it. Strong comparison. A change by anyone since gets 412 with the current ETag; no header gets 428.',
};
const IDEMPOTENCY_KEY: HeaderSpec = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'A unique key (UUID recommended) per intended change. A retry with the same key and body gets the first answer; the same key with another body gets 422. Keys are kept 24 hours.',
};

const IF_NONE_MATCH: HeaderSpec = {
  name: 'If-None-Match',
  required: false,
  description:
    'The ETag of the list as last read (or several, or *): when the list is still at that version the answer is 304 with no body, which costs the service almost nothing. Weak comparison, as RFC 9110 §13.1.2 defines it for GET.',
};
const LAST_EVENT_ID: HeaderSpec = {
  name: 'Last-Event-ID',
  required: false,
  description:
    'The id of the last event received (a change sequence): the changes after it are replayed first, up to 1,000; a client further behind, or naming a position this service never reached, gets one reload event. Digits only; anything else gets 400.',
};

const error = (description: string): ResponseSpec => ({ description, schema: ApiErrorSchema });
// Every signed-in request is checked again: the token names the account, the store and the
// directory decide whether it may still administer.
const AUTH_ERRORS = {
  401: error('No valid token: sign in again. Checked before anything else in the request.'),
  403: error(
    'The account no longer holds an administrator role (ROLE_REVOKED), was disabled or deleted (ACCOUNT_UNUSABLE), or is outside the onboarding-control group (ONBOARDING_BLOCKED).',
  ),
  405: error('The path exists but does not answer this method; Allow lists those it answers.'),
  503: error('The directory could not be reached to re-check the account (Retry-After).'),
};
const COMMON_ERRORS = { 400: error('Malformed request: what is wrong and how to fix it.'), ...AUTH_ERRORS };
const WRITE_ERRORS = {
  ...COMMON_ERRORS,
  412: error('The list changed since it was read: reload it and try again.'),
  413: error('The body is too large.'),
  428: error('If-Match is required: read the list first and send its ETag.'),
};

const ADMINISTRATION_WRITE_ERRORS = {
  ...COMMON_ERRORS,
  403: error(
    'Only a GlobalAdministrator may change administration (GLOBAL_ADMINISTRATOR_REQUIRED); or the account lost its role (ROLE_REVOKED), was disabled (ACCOUNT_UNUSABLE) or is outside the onboarding-control group (ONBOARDING_BLOCKED).',
  ),
  412: error('The administration changed since it was read: read GET /v1/administration again and retry.'),
  413: error('The body is too large.'),
  428: error('If-Match is required: read GET /v1/administration first and send its ETag.'),
  503: error('The directory could not be reached to check the account or group, or to re-check the signed-in one.'),
};

/** Every operation of `/v1` plus the connector pages every node serves. */
export const API_ROUTES = {
  signIn: {
    operationId: 'signIn',
    method: 'POST',
    path: '/v1/sign-in',
    summary: 'Verify an administrator against the directory and issue a short-lived token.',
    tag: 'session',
    auth: false,
    body: SignInRequestSchema,
    bodyLimit: 4096,
    responses: {
      200: { description: 'Signed in.', schema: SignInResponseSchema },
      400: error('Malformed request, or an environment this service does not serve.'),
      401: error('The user name or password is incorrect.'),
      403: error('The account holds no administrator role, is blocked by onboarding control, or is locked or disabled in the directory.'),
      429: error('Too many failed sign-ins for this account: wait (Retry-After) and try again.'),
      503: error('The directory could not be reached.'),
    },
  },
  signInWithKerberos: {
    operationId: 'signInWithKerberos',
    method: 'POST',
    path: '/v1/sign-in/negotiate',
    summary:
      'Sign in as the holder of a Kerberos ticket (Authorization: Negotiate, SPNEGO): the same role, onboarding and throttle checks as a password sign-in, no password.',
    tag: 'session',
    auth: false,
    negotiate: true,
    body: KerberosSignInRequestSchema,
    bodyLimit: 4096,
    responses: {
      200: {
        description: "Signed in. WWW-Authenticate carries the node's answer token: the client checks it (mutual authentication) before it uses the token.",
        schema: SignInResponseSchema,
        headers: { 'WWW-Authenticate': 'Negotiate <base64 answer token>: proves the node holds the key of its service principal.' },
      },
      400: error('Malformed request, or an environment this service does not serve.'),
      401: {
        ...error(
          "No Negotiate token (UNAUTHENTICATED), or the token was refused: KERBEROS_NOT_CONFIGURED (the node has no keytab), KERBEROS_TOKEN_REFUSED (replayed, altered, not Kerberos, empty or too large), KERBEROS_WRONG_PRINCIPAL (a ticket for another service), KERBEROS_TICKET_EXPIRED, KERBEROS_CLOCK_SKEW, KERBEROS_UNMAPPED_PRINCIPAL (no account of the directory's domain), KERBEROS_FAILED.",
        ),
        headers: { 'WWW-Authenticate': 'Negotiate: the scheme this operation accepts (RFC 4559).' },
      },
      403: error('The account holds no administrator role, is blocked by onboarding control, or is disabled in the directory.'),
      429: error('Too many failed password sign-ins for this account, or a sign-in for it is in progress: wait (Retry-After) and try again.'),
      503: error('The directory could not be reached.'),
    },
  },
  session: {
    operationId: 'getSession',
    method: 'GET',
    path: '/v1/session',
    summary: 'Who the token belongs to and which roles it holds.',
    tag: 'session',
    auth: true,
    responses: { 200: { description: 'The session, with the roles the account holds now.', schema: SessionSchema }, ...AUTH_ERRORS },
  },
  listAuthorizedAccounts: {
    operationId: 'listAuthorizedAccounts',
    method: 'GET',
    path: '/v1/authorized-accounts',
    summary: 'The servers allowed to utilize the connector, with the list version as a strong ETag.',
    tag: 'authorized-accounts',
    auth: true,
    headers: [IF_NONE_MATCH],
    responses: {
      200: { description: 'The list.', schema: AuthorizedAccountListSchema },
      304: { description: 'The list is still at the version If-None-Match names; no body.' },
      ...COMMON_ERRORS,
    },
  },
  addAuthorizedAccount: {
    operationId: 'addAuthorizedAccount',
    method: 'POST',
    path: '/v1/authorized-accounts',
    summary: 'Allow an account to utilize the connector in one role (an Exchange entry switches the super-user feature on).',
    tag: 'authorized-accounts',
    auth: true,
    body: NewAuthorizedAccountSchema,
    bodyLimit: 4096,
    headers: [IF_MATCH, IDEMPOTENCY_KEY],
    responses: {
      201: { description: 'Added.', schema: AddAuthorizedAccountResultSchema },
      ...WRITE_ERRORS,
      409: error('Already authorized for this role, or a request with the same Idempotency-Key is still running.'),
      422: error(
        'The SID is not in the directory, its directory name holds an invisible or direction character (ACCOUNT_NAME_REFUSED), the policy refuses the grant, or the Idempotency-Key was used with another body.',
      ),
      503: error('The directory could not be reached to check the account, or to re-check the signed-in one.'),
    },
  },
  replaceAuthorizedAccounts: {
    operationId: 'replaceAuthorizedAccounts',
    method: 'PUT',
    path: '/v1/authorized-accounts',
    summary: 'Replace the whole list (import): every change applied in one transaction, or none.',
    tag: 'authorized-accounts',
    auth: true,
    body: ReplaceAuthorizedAccountsSchema,
    bodyLimit: 4 * 1024 * 1024,
    headers: [IF_MATCH],
    responses: {
      200: { description: 'Replaced.', schema: ReplaceAuthorizedAccountsResultSchema },
      ...WRITE_ERRORS,
      422: error(
        "A SID is not in the directory, an account's directory name holds an invisible or direction character (ACCOUNT_NAME_REFUSED), the policy refuses an entry, or the list repeats an entry.",
      ),
      503: error('The directory could not be reached to check the accounts, or to re-check the signed-in one.'),
    },
  },
  removeAuthorizedAccount: {
    operationId: 'removeAuthorizedAccount',
    method: 'DELETE',
    path: '/v1/authorized-accounts/{id}',
    summary: 'Stop allowing one entry to utilize the connector.',
    tag: 'authorized-accounts',
    auth: true,
    params: EntryIdParamsSchema,
    headers: [IF_MATCH],
    responses: { 200: { description: 'Removed.', schema: RemoveAuthorizedAccountResultSchema }, ...WRITE_ERRORS, 404: error('No entry with this id.') },
  },
  administration: {
    operationId: 'getAdministration',
    method: 'GET',
    path: '/v1/administration',
    summary: 'Role-based administrators, the onboarding-control group and the super-user feature state, with the version as a strong ETag.',
    tag: 'administration',
    auth: true,
    responses: {
      200: { description: 'The administration settings; their version is the ETag the changes send as If-Match.', schema: AdministrationSchema },
      ...AUTH_ERRORS,
    },
  },
  addAdministrator: {
    operationId: 'addAdministrator',
    method: 'POST',
    path: '/v1/administrators',
    summary:
      'Give a user or security group a role (Add-AipServiceRoleBasedAdministrator), named by SID or by a name the directory resolves; GlobalAdministrator only; audited.',
    tag: 'administration',
    auth: true,
    body: NewAdministratorSchema,
    bodyLimit: 4096,
    headers: [IF_MATCH_ADMINISTRATION],
    responses: {
      201: { description: "Added; the body carries the directory's name for the account.", schema: AddAdministratorResultSchema },
      ...ADMINISTRATION_WRITE_ERRORS,
      409: error('The account or group already holds this role (ALREADY_ADMINISTRATOR).'),
      422: error(
        'The SID or name is not in the directory (SID_NOT_FOUND, NAME_NOT_FOUND), the name matches several objects (NAME_AMBIGUOUS), the object is a distribution group (NOT_SECURITY_GROUP) or neither a user nor a group (ADMINISTRATOR_KIND_REFUSED), or its directory name holds an invisible character (ACCOUNT_NAME_REFUSED).',
      ),
    },
  },
  removeAdministrator: {
    operationId: 'removeAdministrator',
    method: 'DELETE',
    path: '/v1/administrators/{role}/{sid}',
    summary: 'Take a role from a user or group (Remove-AipServiceRoleBasedAdministrator); GlobalAdministrator only; audited.',
    tag: 'administration',
    auth: true,
    params: AdministratorParamsSchema,
    headers: [IF_MATCH_ADMINISTRATION],
    responses: {
      200: { description: 'Removed.', schema: RemoveAdministratorResultSchema },
      ...ADMINISTRATION_WRITE_ERRORS,
      404: error('This SID does not hold this role (NOT_FOUND): someone may have removed it already. Reload.'),
      409: error('This is the last GlobalAdministrator assignment (LAST_GLOBAL_ADMINISTRATOR): add another one first, so that someone can still administer.'),
    },
  },
  setOnboardingControl: {
    operationId: 'setOnboardingControl',
    method: 'PUT',
    path: '/v1/onboarding-control',
    summary:
      'Let only the members of one security group sign in to administer (Set-AipServiceOnboardingControlPolicy); GlobalAdministrator only; audited. Setting the group that is set already changes nothing.',
    tag: 'administration',
    auth: true,
    body: OnboardingGroupRequestSchema,
    bodyLimit: 4096,
    headers: [IF_MATCH_ADMINISTRATION],
    responses: {
      200: { description: 'Set.', schema: OnboardingControlResultSchema },
      ...ADMINISTRATION_WRITE_ERRORS,
      409: error('The signed-in administrator is not a member of the group, so setting it would lock them out (ONBOARDING_WOULD_LOCK_OUT).'),
      422: error(
        'The SID or name is not in the directory (SID_NOT_FOUND, NAME_NOT_FOUND), matches several objects (NAME_AMBIGUOUS), is not a security group (NOT_SECURITY_GROUP), or its directory name holds an invisible character (ACCOUNT_NAME_REFUSED).',
      ),
    },
  },
  clearOnboardingControl: {
    operationId: 'clearOnboardingControl',
    method: 'DELETE',
    path: '/v1/onboarding-control',
    summary: 'Let every administrator sign in again (no onboarding-control group); GlobalAdministrator only; audited.',
    tag: 'administration',
    auth: true,
    headers: [IF_MATCH_ADMINISTRATION],
    responses: { 200: { description: 'Cleared (or was not set).', schema: OnboardingControlResultSchema }, ...ADMINISTRATION_WRITE_ERRORS },
  },
  listConnectors: {
    operationId: 'listConnectors',
    method: 'GET',
    path: '/v1/connectors',
    summary: 'The connector nodes that registered, with their last heartbeat.',
    tag: 'connectors',
    auth: true,
    responses: { 200: { description: 'The nodes.', schema: ConnectorNodeListSchema }, ...AUTH_ERRORS },
  },
  audit: {
    operationId: 'listAudit',
    method: 'GET',
    path: '/v1/audit',
    summary: 'The audit trail, newest first, one page at a time.',
    tag: 'audit',
    auth: true,
    query: AuditQuerySchema,
    responses: { 200: { description: 'One page.', schema: AuditPageSchema }, ...COMMON_ERRORS },
  },
  superUsers: {
    operationId: 'getSuperUsers',
    method: 'GET',
    path: '/v1/super-users',
    summary:
      'The effective super users (every account the Exchange entries cover, through nested and primary groups) as last expanded, the last review, and who joined or left since.',
    tag: 'super-users',
    auth: true,
    responses: {
      200: { description: 'The snapshot; its version is the ETag a review sends as If-Match.', schema: SuperUsersSchema },
      ...AUTH_ERRORS,
    },
  },
  reviewSuperUsers: {
    operationId: 'reviewSuperUsers',
    method: 'POST',
    path: '/v1/super-users/review',
    summary: 'Mark the current super users as reviewed (audited, super-users.reviewed): changes since the review start from here.',
    tag: 'super-users',
    auth: true,
    body: ReviewSuperUsersRequestSchema,
    bodyLimit: 1024,
    headers: [IF_MATCH_SUPER_USERS],
    responses: {
      200: { description: 'Reviewed.', schema: ReviewSuperUsersResultSchema },
      ...COMMON_ERRORS,
      412: error('The super users changed since they were read: read them again, look at the change, and review again.'),
      413: error('The body is too large.'),
      428: error('If-Match is required: read GET /v1/super-users first and send its ETag.'),
    },
  },
  changeEvents: {
    operationId: 'followChangeEvents',
    method: 'GET',
    path: '/v1/events',
    summary:
      'The change feed: Server-Sent Events, one per committed change of the list, the administrators, onboarding control or the super-user feature, on whichever node it was made.',
    tag: 'events',
    auth: true,
    headers: [LAST_EVENT_ID],
    responses: {
      200: {
        description:
          'text/event-stream: ready, then the changes after Last-Event-ID, then each new change; reload when the missed changes cannot be replayed; end (with its reason) before the service closes the stream; a comment line as heartbeat.',
        contentType: 'text/event-stream',
      },
      ...COMMON_ERRORS,
      429: error('Too many open streams for this administrator or this node (TOO_MANY_STREAMS): close another console or watch, or retry after Retry-After.'),
      503: error('The directory or the configuration database could not be reached (Retry-After).'),
    },
  },
  serverCertification: {
    operationId: 'serverCertification',
    method: 'GET',
    path: '/_wmcs/certification/servercertification.asmx',
    summary: 'The verification page: answers with the ServerCertificationWebService page when the connector is reachable.',
    tag: 'connector',
    auth: false,
    responses: { 200: { description: 'The ServerCertificationWebService page.', contentType: 'text/html' } },
  },
  rmsoUri: {
    operationId: 'getRmsoUri',
    method: 'GET',
    path: '/_wmcs/GetRmsoUri.aspx',
    summary: 'The tenant URL this connector serves (used when generating server configuration).',
    tag: 'connector',
    auth: false,
    responses: { 200: { description: 'The tenant URL.', contentType: 'text/plain' }, 404: error('No tenant URL is configured.') },
  },
} as const satisfies Record<string, RouteDefinition>;

/** The name of one operation in {@link API_ROUTES}. */
export type RouteName = keyof typeof API_ROUTES;
