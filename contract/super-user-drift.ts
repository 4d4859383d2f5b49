import { z } from 'zod';
import { ObjectKindSchema } from './directory.ts';

/*
 * The service's super-user snapshot (`GET /v1/super-users`), as the service, its client and the
 * console read it; contract/connector-api/super-users.ts re-exports these with the routes' own.
 */

/** One reason an account is a super user: the Exchange entry and the chain of groups from it. */
export const SnapshotGrantSchema = z
  .object({ entrySid: z.string(), entryName: z.string(), path: z.array(z.string()), throughPrimaryGroup: z.boolean() })
  .strict();
/** See {@link SnapshotGrantSchema}. */
export type SnapshotGrant = z.infer<typeof SnapshotGrantSchema>;

/** An account of the snapshot: its `DOMAIN\sam` name, kind, grants, and when a node first saw it a super user. */
export const SnapshotSuperUserSchema = z
  .object({ sid: z.string(), name: z.string(), kind: ObjectKindSchema, grants: z.array(SnapshotGrantSchema), firstSeenAt: z.iso.datetime() })
  .strict();
/** See {@link SnapshotSuperUserSchema}. */
export type SnapshotSuperUser = z.infer<typeof SnapshotSuperUserSchema>;

/** One difference a node recorded: joined or left, when, on which node, and the change's sequence. */
export const SuperUserDifferenceSchema = z
  .object({
    change: z.enum(['joined', 'left']),
    account: SnapshotSuperUserSchema,
    at: z.iso.datetime(),
    node: z.string(),
    sequence: z.number().int().positive(),
  })
  .strict();
/** See {@link SuperUserDifferenceSchema}. */
export type SuperUserDifference = z.infer<typeof SuperUserDifferenceSchema>;

/** A review: when, who, and the snapshot version they saw. */
export const SuperUserReviewSchema = z
  .object({ at: z.iso.datetime(), by: z.string(), bySid: z.string().nullable(), version: z.number().int().nonnegative() })
  .strict();
/** See {@link SuperUserReviewSchema}. */
export type SuperUserReview = z.infer<typeof SuperUserReviewSchema>;

/** The effective super users as last expanded by the service, and what changed since the last review. */
export const SuperUsersSchema = z
  .object({
    version: z.number().int().nonnegative(),
    expandedAt: z.iso.datetime().nullable(),
    expandedBy: z.string().nullable(),
    listVersion: z.number().int().nonnegative().nullable(),
    superUsers: z.array(SnapshotSuperUserSchema),
    lastReview: SuperUserReviewSchema.nullable(),
    /** Oldest first; all of them when never reviewed. */
    changesSinceReview: z.array(SuperUserDifferenceSchema),
  })
  .strict();
/** See {@link SuperUsersSchema}. */
export type SuperUsers = z.infer<typeof SuperUsersSchema>;

/**
 * What `super-users:snapshot` answers: the service's drift snapshot, or that it keeps none.
 *
 * A service from before super-user drift answers `GET /v1/super-users` with 404; the console
 * then shows the directory expansion alone and says the service does not record changes.
 */
export const SuperUsersSnapshotViewSchema = z.discriminatedUnion('kept', [
  z.object({ kept: z.literal(true), snapshot: SuperUsersSchema }).strict(),
  z.object({ kept: z.literal(false) }).strict(),
]);
/** See {@link SuperUsersSnapshotViewSchema}. */
export type SuperUsersSnapshotView = z.infer<typeof SuperUsersSnapshotViewSchema>;

/**
 * "Mark as reviewed": the snapshot version the admin looked at, so a set that changed
 * meanwhile is refused instead of acknowledged unseen.
 */
export const ReviewSuperUsersRequestSchema = z.object({ version: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), operationId: z.uuid() }).strict();
/** See {@link ReviewSuperUsersRequestSchema}. */
export type ReviewSuperUsersRequest = z.infer<typeof ReviewSuperUsersRequestSchema>;

/** The review the service recorded. */
export const SuperUsersReviewedSchema = z.object({ review: SuperUserReviewSchema }).strict();
/** See {@link SuperUsersReviewedSchema}. */
export type SuperUsersReviewed = z.infer<typeof SuperUsersReviewedSchema>;
