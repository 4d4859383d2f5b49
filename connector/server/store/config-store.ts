import type { ObjectKind } from '../../../contract/directory.ts';
import type { Role } from '../../../contract/policy.ts';
import type {
  AdminRole,
  Administration,
  AuditPage,
  ChangeEvent,
  AuditQuery,
  AuthorizedAccount,
  AuthorizedAccountList,
  ConnectorNode,
  OnboardingControl,
  RoleBasedAdministrator,
  SuperUserFeature,
  SuperUsers,
} from '../../../contract/connector-api/index.ts';
import type { AdministrationChange, AdministrationChangeOutcome } from './administration-change.ts';
import type { ChangePosition } from './change-events.ts';
import type { ExpectedVersion } from './expected-version.ts';
import type { SuperUserExpansion, SuperUserRecording, SuperUserReviewOutcome } from './super-user-snapshot.ts';

/** Who made a change, from where, through which node, and which request it belongs to. */
export type ChangeContext = {
  readonly actor: string;
  readonly actorSid: string | null;
  readonly source: string;
  readonly node: string;
  readonly correlationId: string;
  /** ISO time of the change. */
  readonly at: string;
};

/** An entry to add, with what the service learned about it from the directory. */
export type EntryToAdd = { readonly sid: string; readonly name: string; readonly role: Role; readonly kind: ObjectKind };

/**
 * A conditional change of the authorized list: applied only if the list's version still
 * satisfies `expectedVersion` (the request's If-Match), all of it or nothing.
 */
export type ListChange = {
  readonly context: ChangeContext;
  readonly expectedVersion: ExpectedVersion;
  readonly add: readonly EntryToAdd[];
  /** Ids of entries to remove. */
  readonly remove: readonly string[];
  /** When set, the result is stored under (scope, key) in the same transaction. */
  readonly idempotency?: { readonly scope: string; readonly key: string; readonly fingerprint: string };
};

/** What a list change did. `superUserFeatureEnabled` is the state after the change. */
export type AppliedListChange = {
  readonly version: number;
  readonly added: readonly AuthorizedAccount[];
  readonly removed: readonly AuthorizedAccount[];
  readonly superUserFeatureEnabled: boolean;
};

/** Every outcome of {@link ConfigStore.applyListChange}. */
export type ListChangeOutcome =
  | { readonly status: 'applied'; readonly change: AppliedListChange }
  | { readonly status: 'stale'; readonly currentVersion: number }
  | { readonly status: 'duplicate'; readonly existing: AuthorizedAccount }
  | { readonly status: 'missing'; readonly id: string }
  | { readonly status: 'replayed'; readonly change: AppliedListChange }
  | { readonly status: 'key-reused' };

/** A role assignment to store (the CLI resolved the user or group in the directory). */
export type AdministratorToAdd = Omit<RoleBasedAdministrator, 'addedBy' | 'addedAt'>;

/** What the store says about who may administer: role assignments and the onboarding group. */
export type AccessRules = {
  readonly administrators: readonly RoleBasedAdministrator[];
  readonly onboardingGroup: { readonly sid: string; readonly name: string } | null;
};

/** What the sign-in throttle knows about one account. */
export type SignInThrottle = { readonly failures: number; readonly blockedUntil: string | null };

/** When an account must wait after its `failures`-th consecutive failure (ISO time), or null. */
export type SignInBlockPolicy = (failures: number) => string | null;

/** A claim on an idempotency key while its request does slow work, so another node answers "in progress". */
export type IdempotencyClaimRequest = {
  readonly scope: string;
  readonly key: string;
  readonly node: string;
  /** ISO time of the claim. */
  readonly at: string;
  /** ISO time after which an unfinished claim counts as abandoned (its node died). */
  readonly expiresAt: string;
};

/** What claiming found: the key is now ours, another request holds it, or its change is already stored. */
export type IdempotencyClaim = 'claimed' | 'in-progress' | 'completed';

/**
 * Told that a change may have been committed: with its sequence when a notification carried it,
 * `undefined` when changes may have been missed (the listening connection came back).
 */
export type ChangeListener = (sequence: number | undefined) => void;

/** A subscription to committed changes; close it when the node stops. */
export type ChangeWatch = { close(): Promise<void> };

/** A node's registration, refreshed by every heartbeat. */
export type NodeRegistration = Omit<ConnectorNode, 'lastSeenAt' | 'alive'>;

/**
 * The configuration every connector node shares.
 *
 * One interface for the embedded SQLite store and PostgreSQL. Every method that changes
 * something writes its audit records in the same transaction, so a change and its record
 * are stored together or not at all.
 */
export type ConfigStore = {
  readonly kind: 'sqlite' | 'postgres';

  listAuthorizedAccounts(): Promise<AuthorizedAccountList>;
  /** The list's version alone: what a cheap stale check needs. */
  authorizedAccountsVersion(): Promise<number>;
  applyListChange(change: ListChange): Promise<ListChangeOutcome>;

  superUserFeature(): Promise<SuperUserFeature>;

  /** The effective super users as last expanded, the last review, and the differences recorded since. */
  superUsers(): Promise<SuperUsers>;
  /**
   * Compare an expansion with the snapshot and store it; each account that joined or left is one
   * audit record, all of them one numbered change. The comparison and the write are one
   * transaction under the configuration lock, so a difference is recorded once however many
   * nodes record the same expansion.
   */
  recordSuperUsers(expansion: SuperUserExpansion, context: ChangeContext): Promise<SuperUserRecording>;
  /** Mark the snapshot reviewed when its version still satisfies `expectedVersion` (the request's If-Match); audited. */
  reviewSuperUsers(expectedVersion: ExpectedVersion, context: ChangeContext): Promise<SuperUserReviewOutcome>;
  /**
   * Run `work` holding the super-user expansion lock, or answer `{ ran: false }` at once when
   * another node holds it: one node expands at a time and the others skip, they do not repeat
   * it. PostgreSQL: a session advisory lock (released by the server if the node dies); SQLite
   * serves one node, so a lock in this process.
   */
  whileExpandingSuperUsers<T>(work: () => Promise<T>): Promise<{ readonly ran: true; readonly value: T } | { readonly ran: false }>;

  listAdministrators(): Promise<readonly RoleBasedAdministrator[]>;
  /** Role assignments, onboarding control and the super-user feature with their version (the ETag), read together. */
  administration(): Promise<Administration>;
  /**
   * Add or remove a role assignment, or set or clear onboarding control, if the version still
   * satisfies the change's If-Match; refuses to remove the last GlobalAdministrator. Audited
   * like the unconditional methods below, which the service's own command line uses.
   */
  changeAdministration(change: AdministrationChange): Promise<AdministrationChangeOutcome>;
  /** Role assignments and the onboarding group, read together: what every request is checked against. */
  accessRules(): Promise<AccessRules>;
  /** False when the same SID already holds the role. */
  addAdministrator(administrator: AdministratorToAdd, context: ChangeContext): Promise<boolean>;
  /** False when there was no such assignment. */
  removeAdministrator(sid: string, role: AdminRole, context: ChangeContext): Promise<boolean>;
  onboardingControl(): Promise<OnboardingControl>;
  /** `null` clears the group. */
  setOnboardingControl(group: { readonly sid: string; readonly name: string } | null, context: ChangeContext): Promise<void>;

  signInThrottle(account: string): Promise<SignInThrottle>;
  /**
   * Count one failure and decide its block from the new count, in one transaction.
   *
   * The count is read and the block written under the account's row lock, so two nodes failing
   * the same account at once cannot both decide from an old count and skip a block.
   */
  recordSignInFailure(account: string, at: string, blockAfter: SignInBlockPolicy): Promise<SignInThrottle>;
  clearSignInFailures(account: string): Promise<void>;

  /** Insert or refresh a node and stamp its last heartbeat. */
  heartbeat(node: NodeRegistration, at: string): Promise<void>;
  listNodes(): Promise<readonly (NodeRegistration & { readonly lastSeenAt: string })[]>;

  auditPage(query: AuditQuery): Promise<AuditPage>;

  /** The last committed change's sequence and the list version now. */
  changePosition(): Promise<ChangePosition>;
  /** The committed changes after `after`, oldest first, at most `limit` of them (the change feed's replay). */
  changesSince(after: number, limit: number): Promise<readonly ChangeEvent[]>;
  /**
   * Be told of changes committed through any node: PostgreSQL's LISTEN/NOTIFY, or this store's
   * own commits for SQLite (one node per file). The listener reads what changed itself.
   */
  watchChanges(listener: ChangeListener): Promise<ChangeWatch>;

  /** The HMAC key that signs admin tokens; created once, shared by every node. */
  tokenSigningKey(): Promise<Uint8Array>;
  /**
   * Claim an idempotency key before a request's slow work (the directory checks).
   *
   * Stored, not held in one process: a retry through another node of the load balancer sees the
   * claim and is answered "in progress". An applied change releases its claim in its own
   * transaction; a refused or failed one calls {@link ConfigStore.releaseIdempotencyKey}.
   */
  claimIdempotencyKey(claim: IdempotencyClaimRequest): Promise<IdempotencyClaim>;
  /** Whether a change is stored under the key (its answer will be replayed); a read, no claim. */
  idempotencyKeyCompleted(scope: string, key: string): Promise<boolean>;
  releaseIdempotencyKey(scope: string, key: string): Promise<void>;
  /** Drop idempotency records older than `before` (ISO), and claims that expired before it. */
  pruneIdempotencyKeys(before: string): Promise<number>;

  close(): Promise<void>;
};
