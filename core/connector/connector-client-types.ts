import type { z } from 'zod';
import type {
  AddAdministratorResult,
  AdminRole,
  AddAuthorizedAccountResult,
  Administration,
  AuditPage,
  AuditQuery,
  AuthorizedAccountList,
  ConnectorNodeList,
  NewAdministrator,
  NewAuthorizedAccountSchema,
  OnboardingControlResult,
  OnboardingGroupRequest,
  RemoveAdministratorResult,
  RemoveAuthorizedAccountResult,
  ReplaceAuthorizedAccountsResult,
  ReviewSuperUsersResult,
  Session,
  SignInRequest,
  SignInResponse,
  SuperUsers,
} from '../../contract/connector-api/index.ts';
import type { FeedOutcome, FollowChangesOptions } from './change-feed-types.ts';
import type { KerberosSignInInput } from './kerberos-sign-in.ts';

/** Per-call options: a signal that cancels the call (`CANCELLED`, never retried). */
export type CallOptions = { readonly signal?: AbortSignal | undefined };

/** A write to the list: the ETag it was read at goes in `If-Match`. */
export type WriteOptions = CallOptions & { readonly ifMatch: string };

/**
 * An add: `If-Match`, and an Idempotency-Key that makes the add safe to retry.
 *
 * Without a key the add is sent once: a lost answer cannot be told from a lost request.
 */
export type AddOptions = WriteOptions & { readonly idempotencyKey?: string | undefined };

/** A write's result with the list's new ETag, for the next write. */
export type Versioned<Result> = { readonly result: Result; readonly etag: string };

/** The list and its ETag, to send back as `If-Match` on the next write. */
export type AuthorizedAccountListing = { readonly list: AuthorizedAccountList; readonly etag: string };

/** An entry to authorize, as the caller writes it (the service upper-cases the SID). */
export type NewAuthorizedAccountInput = z.input<typeof NewAuthorizedAccountSchema>;

/** Audit filters; every field may be left out (the service pages 100 records by default). */
export type AuditFilter = Partial<AuditQuery>;

/**
 * The typed client of the connector configuration service.
 *
 * Every method parses the answer with the route table's schema for its status, so a result
 * is exactly the API's type and a mismatch is a `ConnectorError` (`BAD_RESPONSE`).
 */
export type ConnectorClient = {
  /** `POST /v1/sign-in`: a token for `withToken`. Sent once (no retry: no Idempotency-Key). */
  signIn(request: SignInRequest, options?: CallOptions): Promise<SignInResponse>;
  /**
   * `POST /v1/sign-in/negotiate`: a token for `withToken` as the holder of the current Kerberos
   * ticket (the Windows logon, or `kinit`'s credential cache), no password. The node must prove
   * itself (mutual authentication) or the sign-in is refused with KERBEROS_MUTUAL_AUTH_FAILED;
   * this computer's Kerberos failures carry the codes of `contract/kerberos.ts`. Sent once.
   */
  signInWithKerberos(request: KerberosSignInInput, options?: CallOptions): Promise<SignInResponse>;
  /** `GET /v1/session`: who the token belongs to. */
  session(options?: CallOptions): Promise<Session>;
  /** `GET /v1/authorized-accounts`: the list and its ETag. */
  listAuthorizedAccounts(options?: CallOptions): Promise<AuthorizedAccountListing>;
  /**
   * `GET /v1/authorized-accounts` with `If-None-Match: etag`: the list and its new ETag, or
   * null when the list is still at that version (304, which costs the service almost nothing).
   */
  listAuthorizedAccountsIfChanged(etag: string, options?: CallOptions): Promise<AuthorizedAccountListing | null>;
  /**
   * `GET /v1/events`: follow the change feed until `options.signal` aborts or the service ends
   * it for good; drops are resumed with `Last-Event-ID`, with backoff, on this client's own
   * connection settings (proxy, TLS). See {@link FollowChangesOptions}.
   */
  followChanges(options: FollowChangesOptions): Promise<FeedOutcome>;
  /** `POST /v1/authorized-accounts`: retried only when `idempotencyKey` is given. */
  addAuthorizedAccount(entry: NewAuthorizedAccountInput, options: AddOptions): Promise<Versioned<AddAuthorizedAccountResult>>;
  /** `DELETE /v1/authorized-accounts/{id}`: never retried. */
  removeAuthorizedAccount(id: string, options: WriteOptions): Promise<Versioned<RemoveAuthorizedAccountResult>>;
  /** `PUT /v1/authorized-accounts` (import): never retried. */
  replaceAuthorizedAccounts(entries: readonly NewAuthorizedAccountInput[], options: WriteOptions): Promise<Versioned<ReplaceAuthorizedAccountsResult>>;
  /** `GET /v1/administration`. */
  administration(options?: CallOptions): Promise<Administration>;
  /**
   * `POST /v1/administrators` with `If-Match: "<version>"` (the version `administration()` read):
   * give a user or security group, named by SID or by a name the service resolves, a role.
   * GlobalAdministrator only (`GLOBAL_ADMINISTRATOR_REQUIRED`, 403). Never retried.
   */
  addAdministrator(request: NewAdministrator, version: number, options?: CallOptions): Promise<AddAdministratorResult>;
  /** `DELETE /v1/administrators/{role}/{sid}` with `If-Match`; the last GlobalAdministrator is refused (409). Never retried. */
  removeAdministrator(role: AdminRole, sid: string, version: number, options?: CallOptions): Promise<RemoveAdministratorResult>;
  /** `PUT /v1/onboarding-control` with `If-Match`: only members of this security group may sign in. Never retried. */
  setOnboardingControl(request: OnboardingGroupRequest, version: number, options?: CallOptions): Promise<OnboardingControlResult>;
  /** `DELETE /v1/onboarding-control` with `If-Match`: every administrator may sign in again. Never retried. */
  clearOnboardingControl(version: number, options?: CallOptions): Promise<OnboardingControlResult>;
  /** `GET /v1/connectors`. */
  listConnectors(options?: CallOptions): Promise<ConnectorNodeList>;
  /** `GET /v1/audit`: one page, newest first. */
  audit(query?: AuditFilter, options?: CallOptions): Promise<AuditPage>;
  /**
   * `GET /v1/super-users`: the effective super users as last expanded, the last review and who
   * joined or left since, with the ETag to review them by.
   */
  superUsers(options?: CallOptions): Promise<{ readonly superUsers: SuperUsers; readonly etag: string }>;
  /**
   * `POST /v1/super-users/review` with `If-Match: "<version>"`: mark the set read at `version`
   * reviewed. A set that changed since is `PRECONDITION_FAILED` (412): read it again. Never retried.
   */
  reviewSuperUsers(version: number, options?: CallOptions): Promise<ReviewSuperUsersResult>;
  /** `GET /_wmcs/certification/servercertification.asmx`: the verification page's HTML. */
  serverCertificationPage(options?: CallOptions): Promise<string>;
  /** `GET /_wmcs/GetRmsoUri.aspx`: the tenant URL, without surrounding white space. */
  rmsoUri(options?: CallOptions): Promise<string>;
  /** `GET /openapi.json`: the service's OpenAPI document, as JSON. */
  openApiDocument(options?: CallOptions): Promise<unknown>;
  /** A client for another token; it shares this client's connections (and `close`). */
  withToken(token: string): ConnectorClient;
  /** Close the connections; calls made afterwards fail. */
  close(): Promise<void>;
};
