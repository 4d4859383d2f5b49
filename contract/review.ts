import { z } from 'zod';
import { DirectoryObjectSchema } from './directory.ts';
import { AuthorizedEntrySchema, FindingSchema } from './policy.ts';

/** One reason an account is a super user: the Exchange entry and the group chain down to it. */
export const SuperUserGrantSchema = z.object({ entry: AuthorizedEntrySchema, path: z.array(z.string()), throughPrimaryGroup: z.boolean() }).strict();
/** See {@link SuperUserGrantSchema}. */
export type SuperUserGrant = z.infer<typeof SuperUserGrantSchema>;

/** Every account that can open all protected content, and the Exchange entries that no longer resolve. */
export const EffectiveSuperUsersSchema = z
  .object({
    superUsers: z.array(z.object({ account: DirectoryObjectSchema, grants: z.array(SuperUserGrantSchema) }).strict()),
    orphanedEntries: z.array(AuthorizedEntrySchema),
    listVersion: z.number().int().nonnegative(),
  })
  .strict();
/** See {@link EffectiveSuperUsersSchema}. */
export type EffectiveSuperUsers = z.infer<typeof EffectiveSuperUsersSchema>;

/** The review of the whole live list: orphans, overlaps, disabled accounts, broad principals. */
export const ListReviewSchema = z
  .object({ findings: z.array(FindingSchema), entries: z.number().int().nonnegative(), listVersion: z.number().int().nonnegative() })
  .strict();
/** See {@link ListReviewSchema}. */
export type ListReview = z.infer<typeof ListReviewSchema>;
