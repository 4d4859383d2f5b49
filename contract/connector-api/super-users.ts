import { z } from 'zod';
import { ObjectKindSchema } from '../directory.ts';

/**
 * One reason an account is a super user: the Exchange entry and the chain of groups to it.
 *
 * `path` runs from the entry's group down to the group the account is a direct member of
 * (empty when the entry is the account itself); `throughPrimaryGroup` says the last link is the
 * account's primary group, which the Members tab of Active Directory Users and Computers hides.
 */
export const SnapshotGrantSchema = z
  .object({
    entrySid: z.string(),
    entryName: z.string(),
    path: z.array(z.string()),
    throughPrimaryGroup: z.boolean(),
  })
  .strict();
/** See {@link SnapshotGrantSchema}. */
export type SnapshotGrant = z.infer<typeof SnapshotGrantSchema>;

/** An account of the snapshot: who it is (the directory's `DOMAIN\sam` name), why, and since when. */
export const SnapshotSuperUserSchema = z
  .object({
    sid: z.string(),
    name: z.string(),
    kind: ObjectKindSchema,
    grants: z.array(SnapshotGrantSchema),
    /** When a node first saw it a super user (this time round: an account that left and came back starts again). */
    firstSeenAt: z.iso.datetime(),
  })
  .strict();
/** See {@link SnapshotSuperUserSchema}. */
export type SnapshotSuperUser = z.infer<typeof SnapshotSuperUserSchema>;

/** One difference a node recorded: an account joined or left the super users, with the change's sequence. */
export const SuperUserDifferenceSchema = z
  .object({
    change: z.enum(['joined', 'left']),
    account: SnapshotSuperUserSchema,
    /** When the node recorded it. */
    at: z.iso.datetime(),
    node: z.string(),
    sequence: z.number().int().positive(),
  })
  .strict();
/** See {@link SuperUserDifferenceSchema}. */
export type SuperUserDifference = z.infer<typeof SuperUserDifferenceSchema>;

/** An admin marked the super users as reviewed: when, who, and the snapshot version they saw. */
export const SuperUserReviewSchema = z
  .object({
    at: z.iso.datetime(),
    by: z.string(),
    bySid: z.string().nullable(),
    version: z.number().int().nonnegative(),
  })
  .strict();
/** See {@link SuperUserReviewSchema}. */
export type SuperUserReview = z.infer<typeof SuperUserReviewSchema>;

/**
 * `GET /v1/super-users`: the effective super users as last expanded, and what changed since the
 * last review.
 *
 * `version` counts the snapshot's changes (the ETag); it moves only when an account joined or
 * left. `expandedAt` is null until a node first expanded the list.
 */
export const SuperUsersSchema = z
  .object({
    version: z.number().int().nonnegative(),
    expandedAt: z.iso.datetime().nullable(),
    expandedBy: z.string().nullable(),
    /** The authorized list's version the last expansion read. */
    listVersion: z.number().int().nonnegative().nullable(),
    superUsers: z.array(SnapshotSuperUserSchema),
    lastReview: SuperUserReviewSchema.nullable(),
    /** Joined and left since the last review (all of them when never reviewed), oldest first. */
    changesSinceReview: z.array(SuperUserDifferenceSchema),
  })
  .strict();
/** See {@link SuperUsersSchema}. */
export type SuperUsers = z.infer<typeof SuperUsersSchema>;

/** `POST /v1/super-users/review`: nothing but the (empty) JSON object; the version goes in If-Match. */
export const ReviewSuperUsersRequestSchema = z.object({}).strict();

/** The answer to a review. */
export const ReviewSuperUsersResultSchema = z.object({ review: SuperUserReviewSchema }).strict();
/** See {@link ReviewSuperUsersResultSchema}. */
export type ReviewSuperUsersResult = z.infer<typeof ReviewSuperUsersResultSchema>;
