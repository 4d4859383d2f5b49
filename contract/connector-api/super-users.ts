import { z } from 'zod';

/*
 * The snapshot's shapes (grants, accounts, differences, reviews, `GET /v1/super-users`) live in
 * contract/super-user-drift.ts, which the console reads too: one schema per shape.
 */
export {
  SnapshotGrantSchema,
  SnapshotSuperUserSchema,
  SuperUserDifferenceSchema,
  SuperUserReviewSchema,
  SuperUsersSchema,
  type SnapshotGrant,
  type SnapshotSuperUser,
  type SuperUserDifference,
  type SuperUserReview,
  type SuperUsers,
} from '../super-user-drift.ts';
import { SuperUsersReviewedSchema, type SuperUsersReviewed } from '../super-user-drift.ts';

/** `POST /v1/super-users/review`: nothing but the (empty) JSON object; the version goes in If-Match. */
export const ReviewSuperUsersRequestSchema = z.object({}).strict();

/** The answer to a review: the review recorded (the console's `super-users:review` answers the same). */
export const ReviewSuperUsersResultSchema = SuperUsersReviewedSchema;
/** See {@link ReviewSuperUsersResultSchema}. */
export type ReviewSuperUsersResult = SuperUsersReviewed;
