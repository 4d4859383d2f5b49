import { z } from 'zod';
import { DirectoryObjectSchema, GroupFactsSchema, ObjectKindSchema } from './directory.ts';

/**
 * How an account reaches a group (or a member reaches it): listed in `member`, through the
 * primary group (which `member`/`memberOf` never list), or through a nested group.
 */
export const MembershipPathSchema = z.enum(['direct', 'primary', 'nested']);
/** See {@link MembershipPathSchema}. */
export type MembershipPath = z.infer<typeof MembershipPathSchema>;

/** One row of a Member Of or Members list, named the one way the console names accounts. */
export const AccountRowSchema = z
  .object({
    sid: z.string().regex(/^S-1-\d+(-\d+)+$/),
    accountName: z.string(),
    name: z.string(),
    kind: ObjectKindSchema,
    group: GroupFactsSchema.optional(),
    disabled: z.boolean(),
    inFolder: z.string(),
    path: MembershipPathSchema,
  })
  .strict();
/** See {@link AccountRowSchema}. */
export type AccountRow = z.infer<typeof AccountRowSchema>;

/**
 * A Member Of or Members list: at most `limit` rows (sorted by name) and the full count, so a
 * group of 50,000 users shows its size without shipping every row.
 */
export const AccountListSchema = z.object({ transitive: z.boolean(), total: z.number().int().nonnegative(), rows: z.array(AccountRowSchema) }).strict();
/** See {@link AccountListSchema}. */
export type AccountList = z.infer<typeof AccountListSchema>;

/**
 * An account's Properties, as Active Directory Users and Computers shows them: the object's
 * facts, its description and dates, what it is a member of and, for a group, its members.
 *
 * Dates are ISO 8601 (UTC); the console formats them in the system locale.
 */
export const AccountPropertiesSchema = z
  .object({
    object: DirectoryObjectSchema,
    accountName: z.string(),
    description: z.string().optional(),
    whenCreated: z.iso.datetime().optional(),
    whenChanged: z.iso.datetime().optional(),
    memberOf: AccountListSchema,
    members: AccountListSchema.optional(),
  })
  .strict();
/** See {@link AccountPropertiesSchema}. */
export type AccountProperties = z.infer<typeof AccountPropertiesSchema>;
